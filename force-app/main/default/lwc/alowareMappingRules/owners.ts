/*
 * Owner directory: Aloware user id ↔ email ↔ Salesforce User id. Users are matched by email, case-insensitively
 * (Aloware's own integration does the same). Mirrors Apex AlowareOwnerDirectory.
 */
import { canonicalText, toId18 } from './model';

export type OwnerMatchStatus = 'FOUND' | 'NOT_FOUND' | 'INACTIVE' | 'AMBIGUOUS';

export interface OwnerMatch {
  readonly status: OwnerMatchStatus;
  /** The matched id (Salesforce 18-character id, or Aloware user id as text) when FOUND. */
  readonly id: string | null;
  readonly email: string | null;
}

export interface OwnerDirectoryJson {
  readonly alowareUsers?: readonly { id: string | number; email: string | null }[];
  readonly salesforceUsers?: readonly { id: string; email: string | null; active: boolean }[];
}

interface SalesforceUser {
  readonly id: string;
  readonly email: string | null;
  readonly active: boolean;
}

function emailKey(email: string | null | undefined): string | null {
  const trimmed = (email ?? '').trim().toLowerCase();
  return trimmed === '' ? null : trimmed;
}

export class OwnerDirectory {
  private readonly alowareEmailById = new Map<string, string | null>();
  private readonly alowareIdsByEmail = new Map<string, string[]>();
  private readonly salesforceById = new Map<string, SalesforceUser>();
  private readonly salesforceByEmail = new Map<string, SalesforceUser[]>();

  static fromJson(json: OwnerDirectoryJson | null | undefined): OwnerDirectory {
    const directory = new OwnerDirectory();
    for (const user of json?.alowareUsers ?? []) directory.addAlowareUser(user.id, user.email);
    for (const user of json?.salesforceUsers ?? []) directory.addSalesforceUser(user.id, user.email, user.active);
    return directory;
  }

  /** Adds an Aloware user (from GET /api/v1/webhook/users). */
  addAlowareUser(id: string | number, email: string | null): OwnerDirectory {
    const key = canonicalText(id) ?? '';
    const mail = emailKey(email);
    this.alowareEmailById.set(key, mail);
    if (mail) this.alowareIdsByEmail.set(mail, [...(this.alowareIdsByEmail.get(mail) ?? []), key]);
    return this;
  }

  /** Adds a Salesforce user (id, email, IsActive). */
  addSalesforceUser(id: string, email: string | null, active: boolean): OwnerDirectory {
    const user: SalesforceUser = { id: toId18(id), email: emailKey(email), active };
    this.salesforceById.set(user.id, user);
    if (user.email) this.salesforceByEmail.set(user.email, [...(this.salesforceByEmail.get(user.email) ?? []), user]);
    return this;
  }

  /** The active Salesforce user with the email of Aloware user `alowareUserId`. */
  salesforceUserFor(alowareUserId: unknown): OwnerMatch {
    const email = this.alowareEmailById.get(canonicalText(alowareUserId) ?? '') ?? null;
    const users = email ? (this.salesforceByEmail.get(email) ?? []) : [];
    const active = users.filter((user) => user.active);
    if (active.length === 1) return { status: 'FOUND', id: active[0].id, email };
    if (active.length > 1) return { status: 'AMBIGUOUS', id: null, email };
    return { status: users.length > 0 ? 'INACTIVE' : 'NOT_FOUND', id: null, email };
  }

  /** The Aloware user with the email of Salesforce user `salesforceUserId`. */
  alowareUserFor(salesforceUserId: string): OwnerMatch {
    const user = this.salesforceById.get(toId18(salesforceUserId));
    const ids = user?.email ? (this.alowareIdsByEmail.get(user.email) ?? []) : [];
    const email = user?.email ?? null;
    if (ids.length === 1) return { status: 'FOUND', id: ids[0], email };
    return { status: ids.length > 1 ? 'AMBIGUOUS' : 'NOT_FOUND', id: null, email };
  }
}
