import { z } from 'zod';
import { Lang, UsState } from './common.ts';

/**
 * The hotline inbox: conversations (SMS, voice, web), their thread, triage, assignment,
 * canned responses, and the public help form. Shared by the server routes and the web app.
 * The value lists repeat server/modules/hotline/hotline.table.ts (contracts stay free of
 * server imports); a type check in the server keeps the two in step.
 */

export const ConversationChannel = z.enum(['sms', 'voice', 'web']);
export type ConversationChannel = z.infer<typeof ConversationChannel>;
export const ConversationStatus = z.enum(['open', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;
export const Urgency = z.enum(['emergency', 'urgent', 'routine']);
export type Urgency = z.infer<typeof Urgency>;
export const Category = z.enum(['daca_renewal', 'daca_first', 'naturalization', 'tps', 'enforcement', 'adoptee_citizenship', 'public_benefits', 'other']);
export type Category = z.infer<typeof Category>;
export const Disposition = z.enum(['answered', 'referred', 'case_opened', 'no_response', 'wrong_number', 'spam', 'duplicate', 'other']);
export type Disposition = z.infer<typeof Disposition>;

/** Printable text: no NUL or other control characters except tab and line breaks (a binary body is refused). */
const PRINTABLE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const text = (min: number, max: number) => z.string().trim().min(min).max(max).regex(PRINTABLE, 'printable text');

/** Twilio's limit for one text (1,600 characters); longer replies are refused, not split by us. */
export const REPLY_MAX_CHARS = 1600;
export const NOTE_MAX_CHARS = 5000;

// ---------------------------------------------------------------------------------------------
// The list

export const AssignedFilter = z.enum(['me', 'unassigned', 'any']);
export type AssignedFilter = z.infer<typeof AssignedFilter>;

export const ConversationListQuery = z.object({
  status: ConversationStatus.default('open'),
  lang: Lang.optional(),
  urgency: Urgency.optional(),
  channel: ConversationChannel.optional(),
  category: Category.optional(),
  assigned: AssignedFilter.default('any'),
  /** `nextCursor` of the previous page (newest activity first). */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

/**
 * Who wrote in. Responders see the full number (they call people back); `display` is the
 * person's name when the number belongs to a known member, else the name they gave on the
 * web form, else the phone (or email).
 */
export const ConversationContact = z.object({
  display: z.string(),
  personId: z.uuid().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ConversationContact = z.infer<typeof ConversationContact>;

export const Assignee = z.object({ userId: z.uuid(), name: z.string() });
export type Assignee = z.infer<typeof Assignee>;

export const ConversationSummary = z.object({
  id: z.uuid(),
  status: ConversationStatus,
  channel: ConversationChannel,
  lang: Lang,
  urgency: Urgency,
  category: Category.nullable(),
  tags: z.array(z.string()),
  contact: ConversationContact,
  assignee: Assignee.nullable(),
  /** The member wrote last (or nobody on staff has answered yet) and the conversation is open. */
  awaitingReply: z.boolean(),
  /** While awaiting a reply: when the first unanswered message came in. */
  waitingSince: z.string().nullable(),
  firstInboundAt: z.string(),
  /** The first reply by a person; automatic acknowledgements do not count. */
  firstResponseAt: z.string().nullable(),
  firstResponseSeconds: z.number().int().nullable(),
  lastInboundAt: z.string().nullable(),
  lastActivityAt: z.string(),
  closedAt: z.string().nullable(),
  disposition: Disposition.nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationPage = z.object({ items: z.array(ConversationSummary), nextCursor: z.string().nullable() });
export type ConversationPage = z.infer<typeof ConversationPage>;

// ---------------------------------------------------------------------------------------------
// One conversation

export const UserRef = z.object({ userId: z.uuid(), name: z.string() }).nullable();

/** Everything that happened, oldest first: texts both ways (with delivery status), calls, internal notes, and events. */
export const ThreadItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inbound'), id: z.uuid(), at: z.string(), channel: z.enum(['sms', 'web']), body: z.string(), lang: Lang.nullable() }),
  z.object({
    type: z.literal('outbound'),
    id: z.uuid(),
    at: z.string(),
    channel: z.enum(['sms', 'email']),
    body: z.string(),
    status: z.string(),
    statusReason: z.string().nullable(),
    /** Sent by Haven itself (after-hours notice, acknowledgement), not by a responder. */
    auto: z.boolean(),
    author: UserRef,
  }),
  z.object({
    type: z.literal('call'),
    id: z.uuid(),
    at: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    status: z.string(),
    hasRecording: z.boolean(),
  }),
  z.object({ type: z.literal('note'), id: z.uuid(), at: z.string(), body: z.string(), author: UserRef }),
  z.object({
    type: z.literal('event'),
    id: z.uuid(),
    at: z.string(),
    /** created, assigned, unrouted, triaged, escalated, emergency_alerted, after_hours_reply, web_request, closed, reopened… */
    kind: z.string(),
    actor: UserRef,
    data: z.record(z.string(), z.unknown()),
  }),
]);
export type ThreadItem = z.infer<typeof ThreadItem>;

export const PersonCard = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  nameKo: z.string().nullable(),
  preferredLanguage: Lang,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  state: z.string().nullable(),
});
export type PersonCard = z.infer<typeof PersonCard>;

export const ConversationDetail = ConversationSummary.extend({
  /** The hotline number replies go out from (what the member sees). */
  hotlineNumber: z.string().nullable(),
  emergencyAlertedAt: z.string().nullable(),
  person: PersonCard.nullable(),
  /** Consent of the contact's phone for texts from this affiliate: a reply is refused when opted_out. */
  smsConsent: z.enum(['opted_in', 'opted_out']).nullable(),
  /** Whether a reply can go out now, and why not (closed, opted_out, no_phone). */
  canReply: z.boolean(),
  replyBlockedBy: z.enum(['closed', 'opted_out', 'no_address']).nullable(),
  thread: z.array(ThreadItem),
  /** The thread shows at most this many items of each kind; older ones are left out. */
  threadTruncated: z.boolean(),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

// ---------------------------------------------------------------------------------------------
// Changes

export const ReplyInput = z.object({
  body: text(1, REPLY_MAX_CHARS),
  /** A fresh id per reply the user means to send: a double click or a retried request sends once. */
  clientRequestId: z.uuid().optional(),
});
export type ReplyInput = z.infer<typeof ReplyInput>;
export const ReplyResult = z.object({ messageId: z.uuid().nullable(), duplicate: z.boolean(), conversation: ConversationSummary });
export type ReplyResult = z.infer<typeof ReplyResult>;

export const NoteInput = z.object({ body: text(1, NOTE_MAX_CHARS) });
export type NoteInput = z.infer<typeof NoteInput>;
export const Note = z.object({ id: z.uuid(), at: z.string(), body: z.string(), author: UserRef });
export type Note = z.infer<typeof Note>;

const Tag = z.string().trim().toLowerCase().min(1).max(40).regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'letters, digits, spaces, - and _');

export const TriageInput = z
  .object({
    category: Category.nullable().optional(),
    urgency: Urgency.optional(),
    tags: z.array(Tag).max(20).optional(),
  })
  .refine((v) => v.category !== undefined || v.urgency !== undefined || v.tags !== undefined, { message: 'nothing to change', path: ['category'] });
export type TriageInput = z.infer<typeof TriageInput>;

/** null unassigns (back to the coordinator's queue). */
export const AssignInput = z.object({ userId: z.uuid().nullable() });
export type AssignInput = z.infer<typeof AssignInput>;

export const CloseInput = z.object({ disposition: Disposition });
export type CloseInput = z.infer<typeof CloseInput>;

// ---------------------------------------------------------------------------------------------
// Canned responses

export const CannedBodies = z.object({ ko: text(1, REPLY_MAX_CHARS), en: text(1, REPLY_MAX_CHARS), es: text(1, REPLY_MAX_CHARS) });
export type CannedBodies = z.infer<typeof CannedBodies>;

export const CannedResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  category: Category.nullable(),
  bodies: z.object({ ko: z.string(), en: z.string(), es: z.string() }),
  updatedAt: z.string(),
});
export type CannedResponse = z.infer<typeof CannedResponse>;
export const CannedResponseList = z.object({ items: z.array(CannedResponse) });
export type CannedResponseList = z.infer<typeof CannedResponseList>;

export const CannedResponseInput = z.object({
  title: text(1, 200),
  category: Category.nullable().optional(),
  /** Every language is required: the inbox inserts the conversation's. */
  bodies: CannedBodies,
});
export type CannedResponseInput = z.infer<typeof CannedResponseInput>;
export const CannedResponsePatch = z
  .object({ title: text(1, 200).optional(), category: Category.nullable().optional(), bodies: CannedBodies.optional() })
  .refine((v) => v.title !== undefined || v.category !== undefined || v.bodies !== undefined, { message: 'nothing to change', path: ['title'] });
export type CannedResponsePatch = z.infer<typeof CannedResponsePatch>;

// ---------------------------------------------------------------------------------------------
// The public help form (/p/help)

export const HelpRequestInput = z.object({
  /** The affiliate's slug when the form is on its page; otherwise the state picks the affiliate (else the national office). */
  org: z.string().trim().toLowerCase().regex(/^[a-z0-9-]{1,64}$/).optional(),
  name: text(1, 200),
  /** Any format, any country: foreign and internet (VoIP) numbers are welcome. */
  phone: z.string().trim().max(40).optional().nullable(),
  email: z.string().trim().toLowerCase().email().max(320).optional().nullable(),
  language: Lang,
  message: text(1, 2000),
  state: UsState.optional().nullable(),
  zip: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'ZIP code').optional().nullable(),
  /** They would like a call back (needs a phone). */
  wantsCall: z.boolean().default(false),
  /** Left empty by people; a form-filling robot fills it. */
  website: z.string().max(200).optional(),
});
export type HelpRequestInput = z.input<typeof HelpRequestInput>;

export const HelpRequestResult = z.object({
  ok: z.literal(true),
  /** Someone is on call now; otherwise `nextStaffedAt` says when the hotline is next staffed (null when unknown). */
  staffedNow: z.boolean(),
  nextStaffedAt: z.string().nullable(),
});
export type HelpRequestResult = z.infer<typeof HelpRequestResult>;
