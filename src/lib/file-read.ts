/** Reads a file the user chose; errors come back as null, never as exceptions. */
export async function readChosenFile(file: File): Promise<{ bytes: Uint8Array; text: () => string } | null> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer())
    return { bytes, text: () => new TextDecoder('utf-8').decode(bytes) }
  } catch {
    return null
  }
}
