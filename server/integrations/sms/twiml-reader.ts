import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CallWaiting } from '../../../contracts/simulator.ts';

/**
 * TwiML as the simulator's voice walker reads it: the verbs of <Response> in document
 * order, each with its attributes, its text and its nested verbs (a <Say> inside a
 * <Gather>, a <Number> inside a <Dial>). Plain JSON, so the verbs left after a <Gather>
 * can wait in the database until the caller presses a key or stays silent.
 */
export interface TwimlVerb {
  verb: string;
  attrs: Record<string, string>;
  text: string;
  children: TwimlVerb[];
}

/** What a call waits on, plus what the walker needs to carry on without the caller. */
export type StoredWaiting = CallWaiting & {
  /** The document the verb came from: relative URLs resolve against it. */
  documentUrl: string;
  /** The verbs after the waiting one: Twilio falls through to them when the caller gives no input. */
  rest: TwimlVerb[];
  /** Gather's actionOnEmptyResult: request the action even when no key was pressed. */
  actionOnEmptyResult?: boolean;
};

export class TwimlParseError extends Error {
  override name = 'TwimlParseError';
}

// Order matters in TwiML (Say, then Gather, then Redirect), so preserveOrder; values stay strings.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const tagOf = (node: OrderedNode) => Object.keys(node).find((k) => k !== ':@') ?? '';

function toVerb(node: OrderedNode): TwimlVerb | null {
  const tag = tagOf(node);
  if (tag === '#text' || tag === '?xml' || tag === '#comment' || tag === '') return null;
  const inner = (node[tag] as OrderedNode[] | undefined) ?? [];
  const text = inner
    .filter((n) => '#text' in n)
    .map((n) => String(n['#text']))
    .join(' ')
    .trim();
  const children = inner.map(toVerb).filter((v): v is TwimlVerb => v !== null);
  return { verb: tag, attrs: { ...(node[':@'] ?? {}) }, text, children };
}

/** The verbs of a TwiML document; throws TwimlParseError when it is not XML with a <Response> root (Twilio's 12100). */
export function readTwiml(xml: string): TwimlVerb[] {
  // The parser is lenient (it would read a truncated document); Twilio is not.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new TwimlParseError(`TwiML is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const nodes = parser.parse(xml) as OrderedNode[];
  const root = nodes.find((n) => tagOf(n) === 'Response');
  if (!root) throw new TwimlParseError('TwiML has no <Response> root');
  return toVerb(root)?.children ?? [];
}
