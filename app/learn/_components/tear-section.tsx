import { checksum, storedChecksum } from '@/lib/mailbox';
import { compareSectors, describeSectors } from '@/lib/analysis/sectors';
import { sectorTags } from '@/components/episodes/sector-tags';
import { SectorStrip } from '@/components/episodes/sector-strip';
import { sectorBands } from '@/components/host-detail/sector-bands';
import { u32leBytes } from '@/components/host-detail/mailbox-ranges';
import { BUG_HOST, BUG_SLOT, bug1426762 } from '@/components/learn/examples';
import { TearPlayer } from '@/components/learn/tear-player';
import { MailboxHex } from './mailbox-hex';
import { Prose, Section, SeeLink } from './section';

export function TearSection() {
  return (
    <Section id="tears" title="How mailboxes tear, played out">
      <Prose>
        <p>
          A mailbox is 8 sectors of 512 bytes, and the checksum is in the <b>last</b> one (sector 7, bytes 4092..4095). If a reader reads while a
          write is half done, it sees the first sectors new and the rest old: new messages under the old checksum, or under none. That is a
          <b> torn</b> mailbox. The SPM cannot tell it from damage: the sum does not match, so it drops all of that host’s mail for this read,
          and the host’s request waits until the host writes again.
        </p>
      </Prose>
      <TearPlayer />
      <p className="text-[13px]"><SeeLink what="torn">a proven tear on the demo</SeeLink> (the demo’s hosts that write the pre-2017 way tear now and then)</p>
    </Section>
  );
}

/** Bug 1426762, the failure that made this tool necessary, with the very mailbox the SPM saw. */
export function BugSection() {
  const { before, torn, after } = bug1426762();
  const sectors = compareSectors(torn, before, after);
  const tags = sectorTags({ sectors, changedSectors: [] }) ?? [];
  const stored = storedChecksum(torn);
  const computed = checksum(torn);
  return (
    <Section id="bug-1426762" title="The bug that started it: 1426762, stored 0, computed 6457">
      <Prose>
        <p>
          In February 2017 vdsm’s mailbox tests failed now and then on the project’s CI machines, with the SPM logging
          <span className="font-mono"> mailbox {BUG_HOST} checksum failed</span>. Host {BUG_HOST} had put a request for 100 MiB in slot {BUG_SLOT}{' '}
          of an empty mailbox. It wrote the mailbox, as vdsm then did, as <b>eight writes of 512 bytes</b>, and the CI storage was so slow that
          the eight took 1.2 seconds: <b>3.4 kB/s</b>. In that time the SPM read the mailbox <b>four times</b>. Each time the first sector (the
          request) had landed and the last (the checksum) had not: stored <b>{stored}</b> (<span className="font-mono">{u32leBytes(stored)}</span>),
          computed <b>{computed}</b> (<span className="font-mono">{u32leBytes(computed)}</span>). Four times the SPM dropped the mail; the test
          timed out before the write finished. The bytes below are that mailbox, rebuilt with the inspector’s encoder; the test fixture
          <span className="font-mono"> test/fixtures/torn/torn-1426762</span>, written by vdsm’s own code, holds the same bytes.
        </p>
        <p>
          The fix (vdsm 4.20.9, oVirt 4.2, released December 2017) writes the mailbox in <b>one 4096-byte write</b>. That shrinks the torn moment
          from the whole write to almost nothing on most storage, but not everywhere: NFS, iSCSI and slow or virtual paths may still split a large
          write into smaller pieces that land one after the other, so a reader can still, rarely, catch a mailbox half written. The bug was
          closed as fixed; tears became rarer, not impossible. That is why the inspector reads the way the SPM does (one aligned direct read, which
          itself never tears) and proves each failure.
        </p>
      </Prose>
      <div className="flex flex-wrap items-center gap-3 text-[13px]" data-bug-proof="">
        <span className="font-semibold">The proof:</span>
        <SectorStrip tags={tags} />
        <span>{describeSectors(sectors)}</span>
      </div>
      <MailboxHex example="bug-1426762" host={BUG_HOST} panes={[
        { id: 'torn', title: `what the SPM read, four times (host ${BUG_HOST})`, kind: 'inbox', bytes: torn, bands: sectorBands(tags) },
        { id: 'after', title: 'the mailbox once the write finished', kind: 'inbox', bytes: after },
      ]} />
      <Prose>
        <p>
          <b>How the inspector proves a tear.</b> A single read cannot tell a torn mailbox from a damaged one: both fail the checksum. Over time
          it can. Take the failed read R, the last valid read before it A, and the first valid read after it B. If every one of R’s 8 sectors
          equals the same sector of A (still <b>old</b>) or of B (already <b>new</b>), R is a mix of two real writes: <b>✗ TORN</b>, and the
          sectors equal to B are the ones that had landed. If some sector equals neither, no tear explains it: <b>✗ CORRUPT</b>. Until a valid read
          comes back the mailbox is <b>✗ FAILING</b>, verdict pending. Here: sector 0 equals the finished write (new), sectors 1..6 are zeros in
          both (unchanged), and sector 7 is still the empty mailbox’s 0 (old).
        </p>
      </Prose>
    </Section>
  );
}
