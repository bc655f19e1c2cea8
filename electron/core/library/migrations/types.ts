export interface Migration {
  /** Becomes PRAGMA user_version once applied; migrations run in ascending order, one transaction each. */
  version: number;
  name: string;
  up: string;
}
