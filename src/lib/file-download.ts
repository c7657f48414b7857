/**
 * Saves a file on the user's machine through a temporary object URL (no request leaves the page).
 */
export function downloadFile(fileName: string, content: BlobPart, mimeType: string): boolean {
  try {
    const url = URL.createObjectURL(new Blob([content], { type: mimeType }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
    // Revoke later: some browsers start the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return true
  } catch {
    return false
  }
}
