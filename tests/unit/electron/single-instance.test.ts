import { describe, expect, it } from 'vitest';
import { answerSecondInstance, decideSecondInstance } from '../../../electron/main/single-instance';

/** The running app as the second-instance answer sees it, recording what it was asked to do. */
function runningApp(openPath: string | null, window: 'shown' | 'minimised' | 'closed' = 'shown') {
  const calls: string[] = [];
  const win = {
    isMinimized: () => window === 'minimised',
    restore: () => void calls.push('restore'),
    focus: () => void calls.push('focus'),
  };
  return {
    calls,
    shell: {
      openPath: () => openPath,
      openLibrary: (path: string) => void calls.push(`open ${path}`),
      window: () => (window === 'closed' ? null : win),
      showWindow: () => void calls.push('show'),
    },
  };
}

const exe = '/opt/Marginalia/marginalia';

describe('a second launch of the app (single-instance lock)', () => {
  it('with no library named, focuses the first window and opens nothing', () => {
    const { calls, shell } = runningApp('/home/a/Research.marginalia');
    expect(answerSecondInstance([exe, '--no-sandbox'], '/home/a', shell)).toEqual({ kind: 'focus' });
    expect(calls).toEqual(['focus']);
  });

  it('naming the library already open, only focuses (relative to where it was started)', () => {
    const { calls, shell } = runningApp('/home/a/Research.marginalia', 'minimised');
    expect(answerSecondInstance([exe, 'Research.marginalia'], '/home/a', shell)).toEqual({ kind: 'focus' });
    expect(calls).toEqual(['restore', 'focus']);
  });

  it('naming another library, opens it in the first instance and focuses it', () => {
    const { calls, shell } = runningApp('/home/a/Research.marginalia');
    expect(answerSecondInstance([exe, 'syria/Refugees.marginalia'], '/home/b', shell)).toEqual({
      kind: 'open',
      path: '/home/b/syria/Refugees.marginalia',
    });
    expect(calls).toEqual(['open /home/b/syria/Refugees.marginalia', 'focus']);
  });

  it('with its window closed (macOS), shows a window again', () => {
    const { calls, shell } = runningApp('/home/a/Research.marginalia', 'closed');
    answerSecondInstance([exe], '/home/a', shell);
    expect(calls).toEqual(['show']);
  });

  it('options and other files on the command line are no library', () => {
    expect(decideSecondInstance([exe, '--open=x.marginalia', 'notes.txt'], '/home/a', null)).toEqual({ kind: 'focus' });
  });
});
