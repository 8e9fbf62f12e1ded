"""Messages of the approval trail."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    "trail.unauthorised_change": (
        "perubahan di commit {commit} (oleh {who}) tidak disahkan: commit itu tidak ditandatangani pemegang {flag} "
        "di daftar staf yang berlaku; versi terakhir yang sah tetap berlaku",
        "berkas ini menentukan putusan: perubahannya harus di-commit dengan tanda tangan (git commit -S) oleh "
        "pemegang {flag} (Kepala Dinas atau Kasubag Umum)",
        "the change in commit {commit} (by {who}) is not authorised: it is not signed by a holder of {flag} in the "
        "staff registry in force; the last authorised version still holds",
        "this file decides verdicts: changes must be committed with a signature (git commit -S) by a holder of {flag} "
        "(Kepala Dinas or Kasubag Umum)",
    ),
    "trail.backdated": (
        "commit {commit} bertanggal {date}, sebelum commit induknya {parent_commit} ({parent}); salah satu tanggal "
        "itu diatur tangan atau dibuat di komputer yang jamnya salah",
        "waktu persetujuan dihitung dari urutan riwayat, bukan dari tanggal yang ditulis; periksa siapa yang membuat "
        "kedua commit itu (git log -2 {commit}); bila induknya bertanggal di masa depan, itulah yang salah",
        "commit {commit} is dated {date}, before its parent {parent_commit} ({parent}); one of the two dates was set "
        "by hand or made on a machine with a wrong clock",
        "approvals count from the order of history, not from the dates written; see who made both commits "
        "(git log -2 {commit}); if the parent is dated in the future, that one is wrong",
    ),
    "trail.future_dated": (
        "commit {commit} bertanggal {date}, sesudah waktu pemeriksaan: tanggalnya diatur tangan atau jam komputer "
        "pembuatnya salah",
        "tanggal itu tidak dipakai untuk commit sesudahnya (waktu persetujuan dihitung dari urutan riwayat); periksa "
        "siapa yang membuatnya (git show -s {commit}) dan perbaiki jam komputer itu",
        "commit {commit} is dated {date}, after the time of the check: its date was set by hand or its machine's "
        "clock is wrong",
        "that date is not used for the commits after it (approvals count from the order of history); see who made "
        "it (git show -s {commit}) and fix that machine's clock",
    ),
    "trail.shallow": (
        "riwayat git repositori ini dangkal (shallow clone): jejak persetujuan tidak dapat dibaca darinya",
        "ambil seluruh riwayatnya: git fetch --unshallow (di CI: fetch-depth: 0 atau GIT_DEPTH: 0); "
        "atau periksa catatannya saja dengan --no-trail",
        "this repository's git history is shallow (a shallow clone): the approval trail cannot be read from it",
        "fetch all of its history: git fetch --unshallow (in CI: fetch-depth: 0 or GIT_DEPTH: 0); "
        "or check the records alone with --no-trail",
    ),
    "trail.hidden_from_status": (
        "git di komputer ini diminta tidak memeriksa {count} berkas arsip yang berbeda dari commit terakhir atau "
        "tidak ada (git update-index --assume-unchanged atau --skip-worktree, sparse-checkout), mis. '{path}': "
        "git status tidak menyebutnya, pemeriksaan ini menyebutnya",
        "biarkan git memeriksanya lagi, untuk tiap berkas: `git update-index --no-assume-unchanged -- {path}` dan "
        "`git update-index --no-skip-worktree -- {path}` (dua perintah: git hanya menjalankan opsi pertama), atau "
        "`git sparse-checkout disable`; lalu lihat `git status`",
        "git on this computer is told not to look at {count} archive files that differ from the last commit or "
        "are missing (git update-index --assume-unchanged or --skip-worktree, sparse-checkout), e.g. '{path}': "
        "git status does not name them, this check does",
        "let git look at them again, for each file: `git update-index --no-assume-unchanged -- {path}` and "
        "`git update-index --no-skip-worktree -- {path}` (two commands: git heeds only the first option), or "
        "`git sparse-checkout disable`; then see `git status`",
    ),
    "trail.line_endings": (
        "git di komputer ini mengubah akhir baris berkas arsip (core.autocrlf atau atribut text/eol): lampiran "
        "yang tampak teks (CSV) dan catatan YAML di sini berbeda byte-nya dari yang di-commit, sehingga sidik "
        "sha256 lampiran tidak cocok dan bag dari sini tidak membuktikan persetujuannya",
        "simpan arsip byte demi byte: tambahkan ke .gitattributes di akar repositori `{records}** -text` (serta "
        "`kantor/** -text`, `templates/** -text`, `/sop-kit.yaml -text`, `/mkdocs.yml -text`, seperti arsip dari "
        "`sop-kit init`) lalu commit berkas itu saja: `git commit .gitattributes`; kemudian, setelah pekerjaan yang "
        "belum di-commit disimpan, ambil ulang salinan kerja: `git rm -r -q --cached .` lalu `git reset -q --hard`",
        "git on this computer changes the line endings of the archive's files (core.autocrlf or a text/eol "
        "attribute): an attachment that looks like text (CSV) and the YAML records differ here byte for byte from "
        "what was committed, so an attachment fails its sha256 and a bag made here does not prove its approvals",
        "keep the archive byte for byte: add to .gitattributes at the repository's top `{records}** -text` (and "
        "`kantor/** -text`, `templates/** -text`, `/sop-kit.yaml -text`, `/mkdocs.yml -text`, as an archive from "
        "`sop-kit init` has them), then commit that file alone: `git commit .gitattributes`; then, with any "
        "uncommitted work saved, check the working copy out again: `git rm -r -q --cached .` and "
        "`git reset -q --hard`",
    ),
    "trail.uncommitted": (
        "langkah {no}: '{path}' berbeda dari versinya di git dan belum di-commit, padahal langkahnya sudah disetujui",
        "yang tampil bukan yang disetujui: kembalikan (git restore -- '{restore}'), atau catat sebagai koreksi "
        "(sop-kit step {case} {no} --koreksi) dan commit agar disetujui ulang; koreksi atau persetujuan (--setujui) "
        "yang sudah dicatat sop-kit tinggal di-commit: sop-kit step {case} {no} --commit",
        "step {no}: '{path}' differs from its version in git and is not committed, although the step is approved",
        "what shows is not what was approved: restore it (git restore -- '{restore}'), or record a correction "
        "(sop-kit step {case} {no} --koreksi) and commit it to be approved again; a correction or approval "
        "(--setujui) sop-kit already wrote only needs its commit: sop-kit step {case} {no} --commit",
    ),
    "trail.ignored_file": (
        "langkah {no}: '{path}' tidak ada di git, diabaikan oleh aturan {rule}, padahal langkahnya sudah disetujui",
        "salinan lain arsip ini (CI, auditor) tidak memuat berkas itu: pelaksananya menyetujui ulang, dan commit "
        "persetujuan itu memuatnya: sop-kit step {case} {no} --putaran {round} --setujui --commit; hapus aturan itu "
        "bila mengenai berkas arsip",
        "step {no}: '{path}' is not in git, ignored by the rule {rule}, although the step is approved",
        "other copies of this archive (CI, an auditor's) lack the file: its pelaksana approves again, and that "
        "commit holds it: sop-kit step {case} {no} --putaran {round} --setujui --commit; remove the rule if it "
        "catches archive files",
    ),
    "trail.untracked_file": (
        "langkah {no}: '{path}' tidak pernah di-commit, padahal langkahnya sudah disetujui",
        "salinan lain arsip ini (CI, auditor) tidak memuat berkas itu: pelaksananya menyetujui ulang, dan commit "
        "persetujuan itu memuatnya: sop-kit step {case} {no} --putaran {round} --setujui --commit",
        "step {no}: '{path}' was never committed, although the step is approved",
        "other copies of this archive (CI, an auditor's) lack the file: its pelaksana approves again, and that "
        "commit holds it: sop-kit step {case} {no} --putaran {round} --setujui --commit",
    ),
    "trail.moved_uncommitted": (
        "langkah {no}: '{path}' di folder kasus yang dipindah (belum di-commit) berbeda dari yang disetujui",
        "yang tampil bukan yang disetujui: pulihkan versi yang disetujui di tempat lamanya (git restore "
        "--source=HEAD -- ':/{old}'), salin ke '{new}', lalu commit pemindahannya; atau catat sebagai koreksi "
        "(sop-kit step {case} {no} --koreksi) agar disetujui ulang",
        "step {no}: '{path}' in the moved case folder (not committed) differs from what was approved",
        "what shows is not what was approved: restore the approved version at its old place (git restore "
        "--source=HEAD -- ':/{old}'), copy it to '{new}', then commit the move; or record a correction (sop-kit "
        "step {case} {no} --koreksi) to be approved again",
    ),
    "trail.approved_before_done": (
        "langkah {no} disetujui di commit {commit} pada {approved}, sebelum selesai menurut catatannya ({done})",
        "persetujuan hanya berlaku untuk yang sudah terjadi: bila waktunya salah ketik, perbaiki dengan --koreksi; "
        "bila langkah selesai kemudian, pemegang peran menyetujui ulang setelah itu (commit bertanda tangan)",
        "step {no} was approved in commit {commit} at {approved}, before it was done by its own record ({done})",
        "an approval holds only for what has happened: if the time is a typo, fix it with --koreksi; if the step "
        "ended later, the role holder approves again after that (a signed commit)",
    ),
    "trail.identity_uncommitted": (
        "identitas kasus (kasus.yaml) berbeda dari versinya di git dan belum di-commit, padahal langkah sudah "
        "disetujui",
        "kembalikan (git restore -- '{restore}'), atau commit perubahannya dengan tanda tangan {roles} "
        "(persetujuan ulang)",
        "the case's identity (kasus.yaml) differs from its version in git and is not committed, although steps are "
        "approved",
        "restore it (git restore -- '{restore}'), or commit the change signed by the {roles} (approval again)",
    ),
    "trail.identity_changed": (
        "identitas kasus (kasus.yaml) diubah setelah langkah disetujui (commit {commit} oleh {author}; disetujui di "
        "{approved})",
        "perlu persetujuan ulang: commit bertanda tangan {roles} yang menyimpan ulang kasus.yaml",
        "the case's identity (kasus.yaml) changed after a step was approved (commit {commit} by {author}; approved "
        "in {approved})",
        "approve again: a commit signed by the {roles} that saves kasus.yaml again",
    ),
    "trail.ev.identitas_diubah": (
        "identitas kasus DIUBAH SETELAH DISETUJUI",
        "",
        "case identity CHANGED AFTER APPROVAL",
        "",
    ),
    # --- approval trail
    "git.failed": (
        "git gagal ({command}): {reason}",
        "periksa bahwa folder ini repositori git yang utuh",
        "git failed ({command}): {reason}",
        "check that this folder is an intact git repository",
    ),
    "trail.registry_invalid": (
        "versi staf.yaml di commit {commit} tidak sah dan tidak dipakai untuk verifikasi",
        "perbaiki staf.yaml lalu commit ulang dengan tanda tangan admin staf",
        "the staf.yaml of commit {commit} is invalid and is not used for verification",
        "fix staf.yaml and commit it again, signed by a staff administrator",
    ),
    "trail.trust_root_unpinned": (
        "staf.yaml pertama (commit {commit}) tidak disematkan; kunci di dalamnya dipercaya tanpa bukti",
        'tulis akar_kepercayaan: "{sha}" di sop-kit.yaml, atau SOP_KIT_TRUST_ROOT di CI',
        "the first staf.yaml (commit {commit}) is not pinned; its keys are trusted without proof",
        'set akar_kepercayaan: "{sha}" in sop-kit.yaml, or SOP_KIT_TRUST_ROOT in CI',
    ),
    "trail.trust_root_mismatch": (
        "tidak ada versi staf.yaml yang sama dengan akar kepercayaan yang disematkan; tidak ada yang terverifikasi",
        "sidik staf.yaml pertama (commit {commit}) adalah {sha}; periksa riwayat dan akar_kepercayaan",
        "no version of staf.yaml matches the pinned trust root; nothing is verified",
        "the first staf.yaml (commit {commit}) hashes to {sha}; check the history and akar_kepercayaan",
    ),
    "trail.registry_unauthorised": (
        "perubahan staf.yaml di commit {commit} (oleh {who}) tidak ditandatangani admin staf; perubahan tidak berlaku",
        "perubahan daftar staf harus ditandatangani Kepala Dinas atau Kasubag Umum",
        "the staf.yaml change in commit {commit} (by {who}) is not signed by a staff administrator; it does not count",
        "registry changes must be signed by the Kepala Dinas or the Kasubag Umum",
    ),
    "trail.case_deleted": (
        "kasus {id} dihapus dari arsip di commit {commit} ({date}) oleh {who}, yang tidak memegang admin_arsip; "
        "putusan kasus itu tidak lagi terlihat",
        "arsip hanya dipindahkan atau dimusnahkan oleh pemegang admin_arsip (Kepala Dinas) sesuai JRA, dengan berita "
        "acara dan commit bertanda tangan; bila tidak disengaja, pulihkan: git revert {commit}",
        "case {id} was deleted from the archive in commit {commit} ({date}) by {who}, who holds no admin_arsip; "
        "its verdict is no longer seen",
        "records are transferred or destroyed only by the holder of admin_arsip (the Kepala Dinas) under the "
        "retention schedule, with a record of destruction and a signed commit; if it was not intended, restore "
        "it: git revert {commit}",
    ),
    "trail.case_removed": (
        "kasus {id} dikeluarkan dari arsip di commit {commit} ({date}), ditandatangani {who} (admin_arsip)",
        "pastikan ada berita acara pemindahan atau pemusnahan dan kasusnya jatuh tempo menurut JRA (sop-kit retensi)",
        "case {id} was taken out of the archive in commit {commit} ({date}), signed by {who} (admin_arsip)",
        "make sure a record of transfer or destruction exists and the case was due under the retention schedule "
        "(sop-kit retensi)",
    ),
    "trail.case_removed_early": (
        "kasus {id} dikeluarkan dari arsip di commit {commit} ({date}) oleh {who}, sebelum jatuh tempo JRA: kasus "
        "selesai {closed}, boleh keluar dari kantor mulai {due}",
        "arsip aktif tidak boleh dipindahkan atau dimusnahkan sebelum waktunya: kembalikan foldernya (git revert "
        "{commit}) dan keluarkan setelah jatuh tempo, dengan berita acara (sop-kit retensi)",
        "case {id} was taken out of the archive in commit {commit} ({date}) by {who}, before the retention "
        "schedule allows: closed {closed}, may leave the office from {due}",
        "active records may not be transferred or destroyed early: put the folder back (git revert {commit}) and "
        "take it out when due, with a record of transfer or destruction (sop-kit retensi)",
    ),
    "trail.case_removed_open": (
        "kasus {id} dikeluarkan dari arsip di commit {commit} ({date}) oleh {who}, padahal kasusnya belum selesai",
        "kasus yang belum selesai tidak dapat dipindahkan atau dimusnahkan: kembalikan foldernya (git revert "
        "{commit}); bila pembinaannya memang berhenti, catat dengan sop-kit hentikan",
        "case {id} was taken out of the archive in commit {commit} ({date}) by {who}, although it had not finished",
        "an unfinished case cannot be transferred or destroyed: put the folder back (git revert {commit}); if the "
        "coaching really stopped, record it with sop-kit hentikan",
    ),
    "trail.case_deleted_uncommitted": (
        "kasus {id} terhapus dari salinan kerja ini (belum di-commit); pemeriksaan dan situs dari sini tidak "
        "menampilkannya",
        "pulihkan: git restore --source=HEAD --staged --worktree -- {restore}; arsip hanya dipindahkan atau "
        "dimusnahkan oleh pemegang admin_arsip sesuai JRA",
        "case {id} is deleted from this working copy (not committed); a check or site made here does not show it",
        "restore it: git restore --source=HEAD --staged --worktree -- {restore}; records are transferred or "
        "destroyed only by the holder of admin_arsip under the retention schedule",
    ),
    "trail.approval_dropped": (
        "persetujuan di commit {commit} hilang dari riwayat",
        "riwayat telah ditulis ulang (mis. git reset); kembalikan commit itu beserta tanda tangannya: `git merge "
        "{commit}` (mesin ini masih menyimpannya); kasus yang dibuka keliru tidak dihapus dari riwayat, tetapi "
        "dibatalkan: `sop-kit hentikan {id} batal --alasan …`",
        "the approval in commit {commit} is gone from the history",
        "the history was rewritten (e.g. git reset); bring that commit back with its signature: `git merge "
        "{commit}` (this machine still has it); a case opened by mistake is not removed from history but "
        "cancelled: `sop-kit hentikan {id} batal --alasan …`",
    ),
    "trail.approval_replaced": (
        "persetujuan di commit {commit} hilang dari riwayat (riwayat ditulis ulang, mis. commit --amend); "
        "langkah ini disetujui lagi, bertanda tangan sah, di riwayat sekarang",
        "persetujuan yang berlaku adalah yang ada di riwayat sekarang; "
        "jangan menulis ulang riwayat yang sudah dibagikan",
        "the approval in commit {commit} is gone from the history (it was rewritten, e.g. commit --amend); "
        "the step is approved again, with a valid signature, in the history as it is now",
        "the approval in force is the one in the history as it is now; do not rewrite history that was shared",
    ),
    "trail.wrong_role": (
        "langkah {no}: commit {commit} ditandatangani orang tanpa peran langkah ini (penulis: {author})",
        "persetujuan harus di-commit dan ditandatangani pemegang peran pada tanggal itu: pelaksana tercatat "
        "menjalankan `{how}` dengan kunci SSH-nya sendiri (bila ia tidak lagi memegang peran langkah ini: "
        "pemegang perannya sekarang)",
        "step {no}: commit {commit} is signed by someone without this step's role (author: {author})",
        "the approval must be committed and signed by a role holder on that date: the recorded pelaksana runs "
        "`{how}` with their own SSH key (if they no longer hold this step's role: its holder now)",
    ),
    "trail.done_not_committed": (
        "langkah {no} dicatat selesai di salinan kerja ini tetapi belum di-commit: belum ada yang menyetujuinya",
        "pelaksananya meng-commit langkah itu dengan kunci SSH-nya: `sop-kit step {case} {no} --putaran {putaran} "
        "--commit`; bila orang lain yang meng-commit, pelaksananya menyetujuinya sesudahnya (--setujui --commit)",
        "step {no} is recorded done in this working copy but not committed: nobody has approved it",
        "its pelaksana commits the step with their own SSH key: `sop-kit step {case} {no} --putaran {putaran} "
        "--commit`; if someone else commits it, its pelaksana approves it afterwards (--setujui --commit)",
    ),
    "trail.unverified": (
        "langkah {no}: persetujuan di commit {commit} tidak terverifikasi ({reason})",
        "pelaksana tercatat menyetujuinya: `{how}` dengan kunci SSH-nya yang terdaftar di staf.yaml (bila ia tidak "
        "lagi memegang peran langkah ini: pemegang perannya sekarang)",
        "step {no}: the approval in commit {commit} is not verified ({reason})",
        "the recorded pelaksana approves it: `{how}` with their SSH key listed in staf.yaml (if they no longer "
        "hold this step's role: its holder now)",
    ),
    "trail.approved_by_successor": (
        "langkah {no} disetujui {signer} (commit {commit}) sebagai pemegang perannya, menggantikan pelaksana "
        "tercatat yang tidak lagi memegang peran itu",
        "catatan untuk pemeriksa: tidak ada yang perlu diperbaiki",
        "step {no} was approved by {signer} (commit {commit}) as its role's holder, in place of the recorded "
        "pelaksana, who no longer holds that role",
        "a note for the auditor: nothing to mend",
    ),
    "trail.changed_after_approval": (
        "langkah {no}: '{path}' diubah setelah disetujui (commit {commit} oleh {author}; disetujui di {approved})",
        "pemegang peran yang tercatat sebagai pelaksana (bila ia tidak lagi memegang peran itu: pemegang perannya "
        "sekarang) menyetujui ulang: `{how}`; perubahan yang keliru dikembalikan dan dicatat sebagai koreksi "
        "(--koreksi)",
        "step {no}: '{path}' changed after approval (commit {commit} by {author}; approved in {approved})",
        "the role holder recorded as pelaksana (if they no longer hold that role: its holder now) approves it "
        "again: `{how}`; a wrong change is undone and recorded as a correction (--koreksi)",
    ),
    "trail.reason.unsigned": ("tanpa tanda tangan", "", "unsigned", ""),
    "trail.reason.bad_signature": ("tanda tangan tidak sah", "", "bad signature", ""),
    "trail.reason.no_registry": ("belum ada daftar staf tepercaya", "", "no trusted staff registry", ""),
    "trail.reason.shared_key": (
        "kunci terdaftar untuk lebih dari satu orang di staf.yaml sebelum commit ini",
        "",
        "key registered for more than one person in staf.yaml before this commit",
        "",
    ),
    "trail.reason.unknown_key": (
        "kunci tidak terdaftar di staf.yaml sebelum commit ini",
        "",
        "key not in staf.yaml before this commit",
        "",
    ),
    "trail.reason.no_role": (
        "penanda tangan tidak memegang peran langkah ini",
        "",
        "signer does not hold this step's role",
        "",
    ),
    "trail.reason.revoked_alongside": (
        "kunci atau peran penanda tangan dicabut di staf.yaml pada cabang yang digabung dengan commit ini; "
        "riwayat tidak menentukan mana yang lebih dulu",
        "",
        "the signer's key or role was revoked in staf.yaml on a branch merged with this commit; "
        "history does not say which came first",
        "",
    ),
    "trail.reason.not_recorded_person": (
        "penanda tangan bukan pelaksana yang dicatat",
        "",
        "signer is not the recorded performer",
        "",
    ),
    "trail.header": (
        "Jejak persetujuan kasus {case} ({commits} commit; waktu WIB)",
        "",
        "Approval trail of case {case} ({commits} commits; times in WIB)",
        "",
    ),
    "trail.ev.dibuat": ("kasus dibuat", "", "case created", ""),
    "trail.ev.dicatat": ("langkah {no} (putaran {round}) dicatat", "", "step {no} (round {round}) recorded", ""),
    "trail.ev.selesai": ("langkah {no} (putaran {round}) selesai", "", "step {no} (round {round}) completed", ""),
    "trail.ev.keputusan": (
        "langkah {no} (putaran {round}) diputuskan: {decision}",
        "",
        "step {no} (round {round}) decided: {decision}",
        "",
    ),
    "trail.ev.diganti_nama": ("catatan langkah diganti nama: {file}", "", "step record renamed: {file}", ""),
    "trail.ev.dipindah": ("folder kasus dipindah dari {file}", "", "case folder moved from {file}", ""),
    "trail.ev.disetujui_ulang": ("langkah {no} disetujui ulang", "", "step {no} approved again", ""),
    "trail.ev.disetujui": (
        "langkah {no} disetujui pelaksananya",
        "",
        "step {no} approved by its doer",
        "",
    ),
    "trail.ev.disetujui_pengganti": (
        "langkah {no} disetujui pengganti pelaksananya (pelaksana tercatat tidak lagi memegang perannya)",
        "",
        "step {no} approved by its doer's successor (the recorded pelaksana no longer holds the role)",
        "",
    ),
    "trail.ev.identitas_disetujui_ulang": (
        "identitas kasus (kasus.yaml) diubah dan disetujui",
        "",
        "case identity (kasus.yaml) changed and approved",
        "",
    ),
    "trail.ev.diubah": ("langkah {no} DIUBAH SETELAH DISETUJUI", "", "step {no} CHANGED AFTER APPROVAL", ""),
    "trail.ev.berkas_diubah": (
        "berkas {file} (langkah {no}) DIUBAH SETELAH DISETUJUI",
        "",
        "file {file} (step {no}) CHANGED AFTER APPROVAL",
        "",
    ),
    "trail.verified": ("terverifikasi: {signer}", "", "verified: {signer}", ""),
    "trail.not_verified": ("TIDAK TERVERIFIKASI: {reason}", "", "NOT VERIFIED: {reason}", ""),
    "trail.by": ("oleh {author}", "", "by {author}", ""),
    "trail.signed_by": ("ditandatangani {signer}", "", "signed by {signer}", ""),
    "trail.no_git": (
        "arsip ini tidak berada di repositori git; tidak ada jejak",
        "jalankan di dalam repositori git arsip",
        "this archive is not in a git repository; there is no trail",
        "run inside the archive's git repository",
    ),
    "pdf.out_in_archive": (
        "folder keluaran PDF {path} berada di dalam arsip {root}; tidak ada yang dibuat",
        "pilih folder di luar records/, misalnya --out site/pdf: PDF yang dibuat ulang tidak disimpan di arsip "
        "(dan yang memuat data pribadi jangan sampai ikut di-commit)",
        "the PDF folder {path} is inside the archive {root}; nothing was made",
        "choose a folder outside records/, e.g. --out site/pdf: rebuilt PDFs are not kept in the archive "
        "(and those with personal data must never be committed)",
    ),
    "pdf.internal_in_public": (
        "folder dokumen internal {path} berada di dalam folder publik {public}",
        "simpan dokumen berdata pribadi di luar folder yang dipublikasikan, misalnya build/internal",
        "the internal documents folder {path} is inside the public folder {public}",
        "keep documents with personal data outside the published folder, e.g. build/internal",
    ),
    "pdf.summary": (
        "{rendered} dokumen dibuat, {skipped} tidak berubah, {failed} gagal",
        "",
        "{rendered} document(s) rendered, {skipped} unchanged, {failed} failed",
        "",
    ),
    "pdf.failed": ("{path}: gagal dibuat ({error})", "", "{path}: not rendered ({error})", ""),
    "pdf.refused": ("{path}: sumber ditolak: {what}", "", "{path}: resource refused: {what}", ""),
}
