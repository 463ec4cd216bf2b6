import type { ConversationContact } from '../../../../contracts/hotline.ts';
import { formatPhone } from '../../lib/format.ts';

/** Who wrote in: their name when known, else the number as people read it ("(312) 555-0199"), else the email. */
export const contactLabel = (c: ConversationContact) => (c.name ? c.display : c.phone && c.display === c.phone ? formatPhone(c.phone) : c.display);
