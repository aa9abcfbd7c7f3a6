export function unifiedManifest(xml: string): Record<string, unknown>;
export function unifiedManifestText(xml: string): string;
