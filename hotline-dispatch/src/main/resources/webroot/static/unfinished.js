// The operator's unfinished tips: drafts of earlier calls still on the server (a form left for the next call, a
// tab closed), each with a button to open it again and finish it.
import { getJson } from './api.js';
import { when } from './common.js';
import { byId, el, fill, show } from './dom.js';
import { t } from './i18n.js';

export class Unfinished {
  constructor(tips) {
    this.tips = tips;
    this.panel = byId('unfinished-panel');
    this.list = byId('unfinished');
    if (tips.listeners) tips.listeners.push(() => this.refresh());
  }

  async refresh() {
    let drafts;
    try {
      drafts = await getJson('/api/drafts');
    } catch (e) {
      return;
    }
    const others = drafts.filter((d) => d.callId !== this.tips.callId);
    show(this.panel, others.length > 0);
    fill(this.list, others.map((d) => el('li', { class: 'task', 'data-call': d.callId },
      `${t('screen.notes-last-saved', { when: when(d.updatedAt) })} `,
      el('button', { type: 'button', class: 'open-draft', text: t('screen.unfinished.open-to-finish'),
        onclick: () => this.tips.open(d.callId) }))));
  }
}
