/**
 * Untrusted text (property values, tags, parameter values, status reasons) inside markdown:
 * it must not break a table, open HTML, end a code span or ping anyone.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/`/g, '\\`')
      .replace(/\*/g, '\\*')
      .replace(/_/g, '\\_')
      .replace(/\[/g, '\\[')
      .replace(/\]/g, '\\]')
      // A zero-width joiner after @ keeps "@team" readable without notifying it.
      .replace(/@/g, '@\u200d')
      .replace(/\r?\n/g, ' ')
  );
}
