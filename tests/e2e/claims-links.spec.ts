import { expect, screenshot, test } from './fixtures';
import { checkScreen } from './screens';
import { twoClaims } from './seed';

test.use({ viewport: { width: 1024, height: 700 } });

const REFUGEES = 'Over 6.5 million refugees remain outside Syria';
const RETURNED = 'Over 850,000 Syrian citizens have returned from abroad';

test("a link's note is edited after the link is made, from either end, and each edit undoes", async ({ app: page, host, claims }) => {
  const { refugees, returned } = await twoClaims(host);
  const made = await host.cli([
    'claims',
    'link',
    String(refugees),
    String(returned),
    '--relation',
    'varies',
    '--note',
    'Returns, not refugees',
  ]);
  expect(made.code, made.stderr).toBe(0);
  await page.reload();
  await claims.open();
  await claims.openClaim(REFUGEES);

  // From the claim the link goes out of: Edit note, the note as it is, rewritten, Ctrl+Enter saves.
  const out = claims.link(`This claim varies: ${RETURNED}`);
  await expect(out).toContainText('Returns, not refugees');
  await out.getByRole('button', { name: `Edit note: ${RETURNED}` }).click();
  const box = out.getByRole('textbox', { name: `Note on the link with ${RETURNED}` });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('Returns, not refugees');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Returns from abroad, not refugees outside');
  await checkScreen(page, 'claim-link-note');
  await page.keyboard.press('Control+Enter');
  await expect(box).toHaveCount(0);
  await expect(out).toContainText('Returns from abroad, not refugees outside');
  await expect(out.getByRole('button', { name: `Edit note: ${RETURNED}` })).toBeFocused();
  await screenshot(page, 'claim-link-note-saved');

  // Escape leaves the note as it was.
  await page.keyboard.press('Enter');
  await expect(box).toBeFocused();
  await page.keyboard.type(' (draft)');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(out.locator('.link-note')).toHaveText('Returns from abroad, not refugees outside');

  // From the other end: the same link, the same note, edited there with Save note.
  await out.getByRole('button', { name: RETURNED, exact: true }).click();
  await expect(claims.heading).toHaveText(RETURNED);
  const into = claims.link(`${REFUGEES} varies this claim`);
  await expect(into.locator('.link-note')).toHaveText('Returns from abroad, not refugees outside');
  await into.getByRole('button', { name: `Edit note: ${REFUGEES}` }).click();
  const otherBox = into.getByRole('textbox', { name: `Note on the link with ${REFUGEES}` });
  await otherBox.fill('UNHCR counts both');
  await into.getByRole('button', { name: 'Save note' }).click();
  await expect(into.locator('.link-note')).toHaveText('UNHCR counts both');
  await expect.poll(async () => (await host.api('claims.get', { id: refugees })).links.map((l) => l.note)).toEqual(['UNHCR counts both']);

  // Undo takes back one edit at a time, seen from this end and from the first.
  const undo = page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true });
  await undo.click();
  await expect(into.locator('.link-note')).toHaveText('Returns from abroad, not refugees outside');
  await into.getByRole('button', { name: REFUGEES, exact: true }).click();
  await expect(claims.heading).toHaveText(REFUGEES);
  await undo.click();
  await expect(out.locator('.link-note')).toHaveText('Returns, not refugees');
  // An emptied note is cleared, and the button then offers to add one.
  await out.getByRole('button', { name: `Edit note: ${RETURNED}` }).click();
  await box.fill('');
  await out.getByRole('button', { name: 'Save note' }).click();
  await expect(out.locator('.link-note')).toHaveCount(0);
  await expect(out.getByRole('button', { name: `Add note: ${RETURNED}` })).toBeVisible();
});
