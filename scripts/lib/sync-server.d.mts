export const SYNC_SERVER_USERS: { name: string; password: string; roles: string[]; admin?: boolean }[]
export function startSyncServer(options?: { port?: number; host?: string }): Promise<{ url: string; port: number; close: () => Promise<void> }>
