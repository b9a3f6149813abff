/**
 * The one gate every change set passes before it executes, whoever calls the engine (the
 * action, the CLI, a library caller of runMode or deployBoth): the destructive-change policy,
 * the reviewed-plan binding, and, for a change set planned again during the deploy, nothing
 * beyond what the reviewed plan showed.
 */
import { changesBeyondReview } from '../plan/analysis-review.js';
import { planFingerprint } from '../plan/fingerprint.js';
import type { PlanFingerprint } from '../plan/fingerprint.js';
import type { Plan, StackPlan } from '../plan/model.js';
import { planHasChanges } from '../plan/model.js';
import type { ReviewedPlanComment } from '../publish/comment.js';
import { renderPlansSideBySide } from '../render/side-by-side.js';
import type { Settings } from '../settings/types.js';
import type { Logger } from '../shared/logger.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { DestructivePlanError, policyViolation } from './policy.js';
import { assertReviewed, ReviewedPlanError } from './review.js';

/** Where the reviewed plan comes from: the action reads the pull request's plan comment. */
export interface ReviewSource {
  /** The reviewed plan's comment (undefined when there is none) and where it was looked for. */
  readonly read: () => Promise<{ comment?: ReviewedPlanComment; where: string }>;
  /**
   * The plan as the reviewed comment would show it; when given, the comment must show this
   * text too (a marker alone can be copied into a comment that shows something else).
   */
  readonly render?: (plan: Plan) => string;
}

export interface GateOptions {
  readonly settings: Settings;
  readonly templates: TemplateBodies;
  readonly log: Logger;
  /** Needed when settings.requireReviewedPlan is on; without it such a deploy is refused. */
  readonly review?: ReviewSource;
}

/** Raised when a change set planned during the deploy does more than the reviewed plan. */
export class UnreviewedChangeError extends Error {
  override readonly name = 'UnreviewedChangeError';
}

export class ChangeSetGate {
  private admitted?: Plan;
  private reviewedComment?: ReviewedPlanComment;
  private readonly fingerprints = new WeakMap<Plan, PlanFingerprint>();

  constructor(private readonly options: GateOptions) {}

  /** The plan's fingerprint, computed once per plan. */
  fingerprint(plan: Plan): PlanFingerprint {
    let fp = this.fingerprints.get(plan);
    if (!fp) {
      fp = planFingerprint(plan, this.options.templates);
      this.fingerprints.set(plan, fp);
    }
    return fp;
  }

  /** The comment the deploy was bound to, once admitPlan found it. */
  get reviewed(): ReviewedPlanComment | undefined {
    return this.reviewedComment;
  }

  /**
   * The whole plan, before anything executes: the policy over every stack (so one error lists
   * every violation), then, when required, the reviewed plan's fingerprint. Remembers the plan
   * as the one each change set is held to.
   */
  async admitPlan(plan: Plan): Promise<void> {
    const { settings, templates, review, log } = this.options;
    const violation = policyViolation(plan, settings, templates);
    if (violation) throw new DestructivePlanError(violation);
    // A plan without changes executes nothing, so there is nothing to have reviewed.
    if (settings.requireReviewedPlan && planHasChanges(plan)) {
      if (!review) {
        throw new ReviewedPlanError(
          'require-reviewed-plan is on, but nothing was given to read the reviewed plan from ' +
            "(the action reads the pull request's plan comment; a library caller passes a review source), so nothing was deployed.",
        );
      }
      const { comment, where } = await review.read();
      this.reviewedComment = assertReviewed({
        fingerprint: this.fingerprint(plan),
        comment,
        where,
        stackNames: Object.fromEntries(plan.stacks.map((s) => [s.role, s.stackName])),
        ...(review.render ? { rendered: review.render(plan) } : {}),
      });
      log.info(`The plan matches the one reviewed on ${where}.`);
    }
    this.admitted = plan;
  }

  /**
   * One stack's change set, just before it executes (the deploy path calls this with the
   * change set it is about to execute, which may have been planned again since admitPlan):
   * the policy, and no change beyond what the admitted plan showed for the stack.
   */
  admitChangeSet(fresh: StackPlan): void {
    const plan = this.admitted;
    const reviewed = plan?.stacks.find((s) => s.stackName === fresh.stackName);
    if (!plan || !reviewed) {
      throw new UnreviewedChangeError(
        `The change set of stack ${fresh.stackName} reached execution without a plan that passed the gate; nothing was executed for it.`,
      );
    }
    const { settings, templates } = this.options;
    const violation = policyViolation({ ...plan, stacks: [fresh] }, settings, templates);
    if (violation) throw new DestructivePlanError(violation);
    const beyond = changesBeyondReview(reviewed, fresh);
    if (beyond.length === 0) return;
    throw new UnreviewedChangeError(
      `The change set of stack ${fresh.stackName}, planned again with the outputs of the stacks deployed before it, ` +
        `replaces or removes more than the reviewed plan showed (${beyond.map((b) => b.logicalId).join(', ')}; marked !):\n` +
        `${renderPlansSideBySide(reviewed, fresh, beyond)}\n` +
        `It was not executed, and neither was anything after it. Run the plan again (it now shows these changes), review it, and deploy.`,
    );
  }
}
