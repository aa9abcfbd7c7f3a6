export const NAME_CONSTRAINTS: string;
export function ensureDevCertificate(
  dir?: string,
): Promise<{ caCert: string; caKey: string; cert: string; key: string }>;
