// The emails Clerk would send (invitations, verification codes), kept instead
// of sent: `GET /__local/emails` shows them, so a person or a test can follow
// an invitation link or read a code.
export type OutboxEmail = {
  id: string;
  to: string;
  kind: 'organization_invitation' | 'verification_code';
  subject: string;
  /** The link to follow (invitations). */
  url: string | null;
  /** The code to type (always Clerk's test code 424242 here). */
  code: string | null;
  created_at: number;
};

const MAX_KEPT = 1000;

export class Outbox {
  private emails: OutboxEmail[] = [];
  private seq = 0;

  add(email: Omit<OutboxEmail, 'id' | 'created_at'>): OutboxEmail {
    this.seq += 1;
    const kept = { ...email, to: email.to.toLowerCase(), id: `email_${this.seq}`, created_at: Date.now() };
    this.emails.push(kept);
    if (this.emails.length > MAX_KEPT) this.emails.shift();
    return kept;
  }

  /** Newest first; only those to `to` when given. */
  list(to?: string): OutboxEmail[] {
    const wanted = to?.toLowerCase();
    return this.emails.filter((e) => !wanted || e.to === wanted).reverse();
  }

  clear(): void {
    this.emails = [];
  }
}
