// An agent's answer on the execution page: the claims with the ids of the facts they cite, each cited fact with
// its source (chunk set, chunk, document) and text, the model that answered and whether the citations were checked.
import { badge, h, table } from './dom.js';

function stepNamed(state, name) {
  return (state.steps || []).find((step) => step.name === name);
}

/** The answer section, or null when the execution is not an agent's or has no answer yet. */
export function agentAnswer(state) {
  const reason = stepNamed(state, 'reason');
  const validate = stepNamed(state, 'validate');
  const reasoned = reason && reason.facts;
  if (!reasoned || !reasoned.claims) return null;
  const checked = validate && validate.facts && validate.facts.validation;
  const numbers = new Map((reasoned.citations || []).map((id, i) => [id, i + 1]));
  const claims = h('ol', { class: 'claims' }, reasoned.claims.map((claim) => h('li', null, claim.text,
    (claim.citations || []).map((id) => h('sup', { class: numbers.has(id) ? 'citation' : 'citation highlight',
      title: id }, ` [${numbers.get(id) || id}]`)))));
  const facts = (validate && validate.facts && validate.facts.citations) || [];
  const sources = facts.length ? table(['#', 'Fact', 'Source', 'Where', 'Text'], facts, (fact) => [
    String(numbers.get(fact.fact_id) || '?'), h('span', { class: 'mono' }, fact.fact_id),
    [fact.source.kind, ' ', h('span', { class: 'mono' }, fact.source.ref)],
    [fact.source.locator != null ? `chunk ${fact.source.locator}` : '—',
      fact.source.attributes && fact.source.attributes.document_ref
        ? [' of document ', h('span', { class: 'mono' }, fact.source.attributes.document_ref)] : ''],
    fact.text]) : h('p', { class: 'live' }, 'The cited facts show once the validation step has run.');
  const validation = checked
    ? [badge(checked.passed ? 'succeeded' : 'failed', { id: 'citation-check' }),
      checked.passed ? ' every citation resolves to a gathered fact' : ' citations that do not resolve: '
        + `${(checked.unresolved_citations || []).join(', ') || 'none'}; uncited claims: `
        + `${(checked.uncited_claims || []).join(', ') || 'none'}`,
      checked.required ? ' (required by policy)' : ' (advisory: the policy does not require it)']
    : '—';
  return h('section', { 'aria-labelledby': 'answer-heading', id: 'agent-answer' },
    h('h2', { id: 'answer-heading' }, 'Answer'),
    h('p', null, h('strong', null, 'Question: '), reasoned.question || ''),
    claims,
    h('dl', { class: 'facts' },
      h('dt', null, 'Model'), h('dd', { class: 'mono' }, (reasoned.model && reasoned.model.name) || '—'),
      h('dt', null, 'Citation check'), h('dd', null, validation)),
    h('h3', null, 'Cited facts'), sources);
}
