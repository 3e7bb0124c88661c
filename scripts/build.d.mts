export function isStale(): boolean;
export function build(): Promise<{ files: number; ms: number }>;
export function ensureBuilt(): Promise<boolean>;
export function startArgs(): string[];
