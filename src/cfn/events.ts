import { paginateDescribeStackEvents } from '@aws-sdk/client-cloudformation';
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { escapeTerminal } from '../shared/text.js';
import { isStackMissingError, wrapAwsError } from './errors.js';
import { pagerOf } from './state.js';
import type { Cfn } from './state.js';

/**
 * Events can appear out of order: an event may be listed with a time before events already
 * read (AWS records them as resources report, and paging is not a snapshot). So a poll reads
 * back to a little before the previous poll began, not just to the first event it has seen.
 */
const REORDER_MS = 60_000;

/**
 * Follows the events of one stack operation. DescribeStackEvents answers newest first and
 * paginated; a poll reads pages until it reaches events older than the previous poll (less
 * the reorder margin) or than the operation, so a long history costs a page or two per poll.
 */
export class EventFollower {
  private readonly seen = new Set<string>();
  private previousPoll?: number;
  /** Every event of this operation so far, oldest first. */
  readonly events: StackEvent[] = [];

  constructor(
    private readonly cfn: Cfn,
    private readonly stack: string,
    /** Only events at or after this time belong to the operation. */
    private readonly since: Date,
    /** The operation's ClientRequestToken: events caused by others are skipped. */
    private readonly token?: string,
    /** The runner's clock, to know when the previous poll began. */
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the events that appeared since the last call, oldest first. */
  async poll(): Promise<StackEvent[]> {
    const started = this.now();
    const floor = Math.max(this.since.getTime(), (this.previousPoll ?? 0) - REORDER_MS);
    const fresh: StackEvent[] = [];
    // The SDK's paginator follows NextToken; leaving the loop at the first event older than
    // the floor stops it, so only the pages needed are read.
    try {
      pages: for await (const page of paginateDescribeStackEvents(pagerOf(this.cfn), {
        StackName: this.stack,
      })) {
        for (const event of page.StackEvents ?? []) {
          if (event.Timestamp && event.Timestamp.getTime() < floor) break pages;
          const id =
            event.EventId ??
            `${event.LogicalResourceId}:${event.ResourceStatus}:${event.Timestamp?.toISOString()}`;
          if (this.seen.has(id)) continue;
          this.seen.add(id);
          // Events of this operation carry its token; the REVIEW_IN_PROGRESS event of the
          // change set and the events of other runs do not.
          if (this.token && event.ClientRequestToken !== this.token) continue;
          fresh.push(event);
        }
      }
    } catch (error) {
      // A deleted stack, asked for by name, no longer exists: it has no more events to tell.
      if (isStackMissingError(error)) return [];
      throw wrapAwsError(`Could not read the events of stack ${this.stack}`, error);
    }
    this.previousPoll = started;
    // Oldest first; a stable sort keeps AWS's order for events of the same time.
    fresh.reverse();
    fresh.sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
    this.events.push(...fresh);
    this.events.sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
    return fresh;
  }

  /**
   * The root cause of a failed operation: the first failed event whose reason is not the
   * knock-on "cancelled" of other resources.
   */
  firstFailure(): StackEvent | undefined {
    return this.events.find(
      (e) =>
        e.ResourceStatus?.endsWith('_FAILED') &&
        e.ResourceStatusReason !== undefined &&
        !/^Resource (creation|update) cancelled/i.test(e.ResourceStatusReason),
    );
  }

  /** True once the stack's own event of a final status (not *_IN_PROGRESS) was read. */
  stackEnded(): boolean {
    return this.events.some(
      (e) =>
        e.ResourceType === 'AWS::CloudFormation::Stack' &&
        e.ResourceStatus !== undefined &&
        !e.ResourceStatus.endsWith('_IN_PROGRESS'),
    );
  }

  /** Logical IDs of resources (not the stack itself) that finished, successfully or not. */
  finishedResources(): Set<string> {
    const done = new Set<string>();
    for (const e of this.events) {
      if (e.ResourceType === 'AWS::CloudFormation::Stack') continue;
      if (e.LogicalResourceId && /_(COMPLETE|FAILED)$/.test(e.ResourceStatus ?? ''))
        done.add(e.LogicalResourceId);
    }
    return done;
  }
}

/** One log line per event: time, status, resource, reason. */
export function formatEvent(e: StackEvent): string {
  const time = e.Timestamp ? e.Timestamp.toISOString().slice(11, 19) : '--:--:--';
  const reason = e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : '';
  // Reasons are free text (a custom resource writes its own): one line, no control
  // characters, so nothing in them can pass for a workflow command.
  return escapeTerminal(
    `${time} ${e.ResourceStatus ?? ''} ${e.LogicalResourceId ?? ''} (${e.ResourceType ?? ''})${reason}`,
  );
}
