// The workflow is shared data (the web offers the same moves): contracts/case-workflow.ts.
export { canMove, TYPE_FROM_CATEGORY } from '../../../contracts/case-workflow.ts';
