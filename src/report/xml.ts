// XML 1.0 escaping for arbitrary text (wire frames may hold anything).
// XML 1.0 forbids most C0 control characters even as character references (&#1; is not well-formed), as well as
// U+FFFE, U+FFFF and unpaired surrogates. Those are written as a visible "\uXXXX" text instead, so the frame stays readable.

/** Characters that are not XML 1.0 `Char`s: C0 controls except TAB/LF/CR, U+FFFE/U+FFFF, and lone surrogates. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Replaces characters XML 1.0 cannot carry with a visible `\uXXXX`. */
export function toXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, visible);
}

/** Escapes text content. */
export function escapeXmlText(text: string): string {
  return toXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value for double quotes; TAB/LF/CR become references so attribute normalisation keeps them. */
export function escapeXmlAttr(text: string): string {
  return toXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
