/** The session and customer shapes the rest of the module (and its caches) share. */
export type Realm = 'customer' | 'staff';

/** A live session: who is behind the cookie. */
export interface Session {
  id: string;
  realm: Realm;
  principalId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A customer as the portal sees itself: never the raw mobile number. */
export interface CustomerAccount {
  id: string;
  displayName: string;
  mobileMasked: string;
  createdAt: Date;
}
