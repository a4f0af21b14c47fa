export interface GenerateOptions {
  seed?: number;
  title?: string;
  identifier?: string;
  host?: string;
}
export function generateFramework(
  itemCount: number,
  options?: GenerateOptions,
): {
  CFDocument: Record<string, unknown>;
  CFItems: Record<string, unknown>[];
  CFAssociations: Record<string, unknown>[];
  CFDefinitions: Record<string, unknown>;
};
