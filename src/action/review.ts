import type { ReviewSource } from '../engine/gate.js';
import { fingerprintFields, ReviewedPlanError } from '../engine/review.js';
import type { PlanFingerprint } from '../plan/fingerprint.js';
import type { Plan } from '../plan/model.js';
import { pullRequestForCommit } from '../publish/commit-pulls.js';
import { findReviewedPlanComment, markApplied, upsertPlanComment } from '../publish/comment.js';
import type { ReviewedPlanComment } from '../publish/comment.js';
import type { GitHubClient } from '../publish/comment-octokit.js';
import type { GitHubContext } from '../publish/github-context.js';
import { renderContextFor } from '../publish/render-context.js';
import { renderForComment } from '../render/index.js';
import type { Settings } from '../settings/types.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { commentAuthors, githubClient, pullRequestAccess } from './github.js';
import type { PullRequestAccess } from './github.js';

/**
 * The pull request side of a run: the sticky plan comment in plan mode; in deploy mode, the
 * reviewed-plan check against that comment and marking it applied.
 */
export class PullRequestReview {
  private readonly client?: GitHubClient;
  /** The pull request the reviewed plan was read from. */
  private access?: PullRequestAccess;

  constructor(
    private readonly settings: Settings,
    private readonly github: GitHubContext | undefined,
    private readonly log: Logger,
    private readonly clock: Clock,
  ) {
    if (settings.githubToken && github) this.client = githubClient(settings.githubToken, github);
  }

  /** Posts or updates the plan comment; returns its URL. Never fails the plan. */
  async postPlan(
    plan: Plan,
    fingerprint: PlanFingerprint,
    templates: TemplateBodies,
  ): Promise<string | undefined> {
    const pr = this.github?.pullRequest;
    if (this.settings.comment === 'never') return undefined;
    if (!pr || !this.client || !this.github) {
      this.log.info(
        'Not a pull request run (or no github-token): the plan is in the job summary only.',
      );
      return undefined;
    }
    const ctx = renderContextFor({ settings: this.settings, plan, templates, github: this.github });
    const outcome = await upsertPlanComment({
      api: pullRequestAccess(this.client, this.github, pr.number).api,
      environment: this.settings.environmentName,
      body: renderForComment(plan, ctx),
      policy: this.settings.comment,
      hasChanges: plan.stacks.some((s) => s.action !== 'none'),
      markerFields: {
        status: 'planned',
        ...(this.github.sha ? { sha: this.github.sha } : {}),
        ...fingerprintFields(fingerprint),
      },
      fromFork: pr.fromFork,
      runUrl: this.github.runUrl,
      log: this.log,
      clock: this.clock,
    });
    if (outcome.action !== 'failed' && outcome.action !== 'skipped') {
      this.log.info(`Plan comment ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}.`);
    }
    return outcome.url;
  }

  /**
   * Deploy with require-reviewed-plan: where the engine's gate reads the reviewed plan, the
   * plan comment of the pull request this commit came from. The gate compares fingerprints.
   */
  readonly source: ReviewSource = {
    read: async () => {
      if (!this.client || !this.github) {
        throw new ReviewedPlanError(
          'require-reviewed-plan needs github-token and a GitHub Actions run to read the plan comment.',
        );
      }
      const number =
        this.github.pullRequest?.number ??
        (this.github.sha
          ? await pullRequestForCommit(
              this.client,
              this.github.owner,
              this.github.repo,
              this.github.sha,
            )
          : undefined);
      if (number === undefined) {
        throw new ReviewedPlanError(
          `require-reviewed-plan is on, but commit ${this.github.sha ?? '(unknown)'} belongs to no pull request, so no plan was reviewed.`,
        );
      }
      const access = pullRequestAccess(this.client, this.github, number);
      const comment = await findReviewedPlanComment({
        api: access.api,
        environment: this.settings.environmentName,
        authors: await commentAuthors(this.client),
        log: this.log,
        clock: this.clock,
      });
      this.access = access;
      return { ...(comment ? { comment } : {}), where: `pull request #${number}` };
    },
  };

  /**
   * The deploy's plan rendered as the plan run rendered its comment (plan mode, same masking):
   * the gate requires the reviewed comment to show this text, not only to carry the marker.
   */
  renderAsComment(plan: Plan, templates: TemplateBodies): string {
    const settings = { ...this.settings, mode: 'plan' as const };
    return renderForComment(
      plan,
      renderContextFor({ plan, templates, settings, github: this.github }),
    );
  }

  /** After a deploy: records on the reviewed comment that this run applied it. */
  async markApplied(reviewed: ReviewedPlanComment | undefined): Promise<void> {
    if (!reviewed || !this.access) return;
    await markApplied({
      api: this.access.api,
      environment: this.settings.environmentName,
      runUrl: this.github?.runUrl,
      log: this.log,
      clock: this.clock,
    });
  }
}
