// The approval inbox: the tenant's executions the policy holds (GET /approvals), approved or rejected in place.
import { api } from '../api.js';
import { h, message, replace, table, time } from '../dom.js';
import { identity } from '../identity.js';
import { executionLink } from './executions.js';

export function renderApprovals(main) {
  const list = h('div', { id: 'approval-list', 'aria-live': 'polite' });
  const notice = h('div', { 'aria-live': 'polite', id: 'approval-notice' });
  const canDecide = identity.has('approver');

  async function decide(executionId, decision, reason) {
    try {
      await api(`/execution/${executionId}/${decision}`, { method: 'POST', body: { reason: reason || null } });
      replace(notice, message(`${decision === 'approve' ? 'Approved' : 'Rejected'} ${executionId}.`, 'ok'));
    } catch (error) {
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
    }
    load();
  }

  function decisionCell(approval) {
    if (!canDecide) return 'needs the approver role';
    const reason = h('input', { size: 16, 'aria-label': `Reason for ${approval.execution_id}` });
    return h('div', { class: 'buttons' }, reason,
      h('button', { type: 'button', 'data-approve': approval.execution_id,
        onclick: () => decide(approval.execution_id, 'approve', reason.value) }, 'Approve'),
      h('button', { type: 'button', class: 'danger', 'data-reject': approval.execution_id,
        onclick: () => decide(approval.execution_id, 'reject', reason.value) }, 'Reject'));
  }

  async function load() {
    try {
      const { approvals } = await api('/approvals');
      replace(list, approvals.length === 0 ? message('Nothing is waiting for approval.')
        : table(['Execution', 'Intent type', 'Capability', 'Submitted by', 'Rule', 'Policy', 'Requested', 'Deadline',
          'Decision'], approvals, (a) => [executionLink(a.execution_id), a.intent_type, a.capability || '—',
          a.submitted_by, a.rule, `v${a.policy_version}`, time(a.requested_at), time(a.deadline), decisionCell(a)]));
    } catch (error) {
      replace(list, message(error.status === 403 ? 'The approval inbox needs the approver, operator or auditor role.'
        : error.describe ? error.describe() : error.message, 'error'));
    }
  }

  replace(main, h('h1', null, 'Approvals'),
    h('p', null, 'Executions the policy holds until someone other than the submitter decides.'),
    h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'secondary', onclick: load }, 'Refresh')),
    notice, list);
  load();
}
