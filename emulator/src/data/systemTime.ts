/**
 * The time a record's system datetimes are stamped with (CreatedDate, LastModifiedDate, SystemModstamp, a job's
 * CompletedDate, a scheduled job's StartTime, an event's CreatedDate): the platform stores datetimes to the whole
 * second, so every stored system stamp drops its milliseconds. `Datetime.now()` keeps them; only stored values do not.
 * A record stamped here compares with `>=` against another stamped in the same second, as it does in an org.
 */
import type { Interpreter } from '../runtime/interpreter';
import { ApexDatetime } from '../runtime/values';

/** Now, to the whole second, as the platform stores it. */
export function storedNow(interp: Interpreter): ApexDatetime {
  return storedAt(interp.now());
}

/** A millisecond instant to the whole second, as the platform stores it. */
export function storedAt(millis: number): ApexDatetime {
  return new ApexDatetime(Math.floor(millis / 1000) * 1000);
}
