/**
 * Thrown when the synthesized template asks for something local mode cannot reproduce. Failing loudly at start
 * beats a local platform that silently behaves differently from the deployed one.
 */
export class UnsupportedTemplatePropertyError extends Error {
  constructor(resource: string, type: string, property: string, why?: string) {
    super(
      `Local mode cannot emulate ${type} ${resource}: property ${property} is not supported` +
        (why ? ` (${why})` : ''),
    );
    this.name = 'UnsupportedTemplatePropertyError';
  }
}
