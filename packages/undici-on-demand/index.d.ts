// The two entry points the stand-in provides (see index.cjs).
export declare class ProxyAgent {
  constructor(options: { uri: string; [key: string]: unknown })
  readonly options: { uri: string; [key: string]: unknown }
}
export declare function fetch(input: string | URL, init?: Omit<RequestInit, 'dispatcher'> & { dispatcher?: unknown }): Promise<Response>
