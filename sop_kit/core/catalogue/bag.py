"""Messages of BagIt export and verification."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    # --- sop-kit export / verify-bag (BagIt transfer)
    "export.no_identity": (
        "kasus {id} tidak dapat diekspor: kasus.yaml tidak ada atau tidak terbaca",
        "perbaiki kasus.yaml dulu (sop-kit check)",
        "case {id} cannot be exported: kasus.yaml is missing or unreadable",
        "fix kasus.yaml first (sop-kit check)",
    ),
    "export.no_sop": (
        "kasus {id} tidak dapat diekspor: SOP {nomor} (revisi yang dirujuk) tidak ada di arsip",
        "tanpa SOP-nya, kasus tidak dapat dinilai di tempat tujuan; periksa sop/ dan kasus.yaml",
        "case {id} cannot be exported: SOP {nomor} (the revision it names) is not in the archive",
        "without its SOP the case cannot be judged where it goes; check sop/ and kasus.yaml",
    ),
    "export.signed": (
        "ditandatangani: {who}; di tempat tujuan: sop-kit verify-bag BAG --kunci <kunci publik kantor>",
        "",
        "signed: {who}; where it goes: sop-kit verify-bag BAG --kunci <the office's public key>",
        "",
    ),
    "export.sign_no_public_key": (
        "kunci publik {pub} tidak ada atau tidak dapat dibaca",
        "beri --tandatangani berkas kunci pribadi yang .pub-nya ada di sampingnya (seperti user.signingkey git), "
        "atau .pub itu sendiri bila kuncinya ada di ssh-agent",
        "public key {pub} is missing or cannot be read",
        "give --tandatangani the private key file with its .pub beside it (as git's user.signingkey), or the .pub "
        "itself when the key is in ssh-agent",
    ),
    "export.sign_unknown_key": (
        "kunci {fingerprint} bukan kunci staf yang memegang jabatan pada {day} menurut staf.yaml",
        "bag ditandatangani oleh staf kantor dengan kunci yang terdaftar, sama dengan kunci commit-nya; "
        "tambahkan kuncinya lewat sop-kit staf, atau pakai kunci staf lain",
        "key {fingerprint} is not the key of a staff member holding a post on {day} by staf.yaml",
        "a bag is signed by office staff with their registered key, the one they sign commits with; "
        "add the key with sop-kit staf, or use another staff member's key",
    ),
    "export.sign_failed": (
        "bag tidak dapat ditandatangani: {error}",
        "periksa kuncinya (ssh-keygen -Y sign) dan kata sandinya; tidak ada yang ditulis",
        "the bag cannot be signed: {error}",
        "check the key (ssh-keygen -Y sign) and its passphrase; nothing was written",
    ),
    "export.unfinished": (
        "kasus {id} belum selesai ({state}); arsip daerah menerima kasus yang sudah ditutup",
        "selesaikan langkah yang tersisa (sop-kit status {id}), atau tambahkan --force "
        "untuk mengirim kasus yang masih berjalan (bag-info mencatat statusnya)",
        "case {id} is not finished ({state}); the regional archive takes closed cases",
        "finish the remaining steps (sop-kit status {id}), or add --force "
        "to send a case still in progress (bag-info records its status)",
    ),
    "export.has_errors": (
        "kasus {id} punya {errors} galat (yang pertama: {first_file} [{first_code}]); "
        "bag hanya dibuat untuk kasus yang lolos pemeriksaan",
        "perbaiki dulu (sop-kit check), atau tambahkan --force: galatnya ikut tercatat di data/temuan-ekspor.json "
        "dan bag-info (Diekspor-Dengan-Force: ya)",
        "case {id} has {errors} error(s) (the first: {first_file} [{first_code}]); "
        "bags are made only for cases that pass the check",
        "fix them first (sop-kit check), or add --force: the errors are recorded in data/temuan-ekspor.json "
        "and bag-info (Diekspor-Dengan-Force: ya)",
    ),
    "export.outside_archive": (
        "{path} bukan folder kasus di dalam arsip {root}",
        "sebutkan id kasus atau foldernya di bawah kasus/<tahun>/ (bukan melalui tautan simbolik)",
        "{path} is not a case folder inside the archive {root}",
        "name the case id or its folder under kasus/<year>/ (not through a symbolic link)",
    ),
    "export.bad_name": (
        "nama berkas tidak aman untuk manifes bag: {path}",
        "ganti nama berkas itu (tanpa karakter kendali, garis miring terbalik atau byte non-UTF-8)",
        "file name unsafe for a bag manifest: {path}",
        "rename the file (no control characters, backslashes or non-UTF-8 bytes)",
    ),
    "export.symlink": (
        "tautan simbolik {path} di folder kasus; tidak ada yang diekspor",
        "simpan berkasnya sendiri di folder kasus, bukan tautan: bag hanya memuat isi folder kasus",
        "symbolic link {path} in the case folder; nothing was exported",
        "keep the file itself in the case folder, not a link: a bag holds only the case folder's content",
    ),
    "export.not_regular": (
        "{path} bukan berkas biasa; tidak ada yang diekspor",
        "hapus berkas khusus itu (FIFO, perangkat, soket) dari folder kasus",
        "{path} is not a regular file; nothing was exported",
        "remove that special file (FIFO, device, socket) from the case folder",
    ),
    "export.unreadable": (
        "berkas tidak dapat dibaca: {path} ({reason}); tidak ada yang diekspor",
        "periksa izin berkas, atau apakah berkas itu sebuah tautan",
        "file cannot be read: {path} ({reason}); nothing was exported",
        "check the file's permissions, or whether it is a link",
    ),
    "export.out_not_folder": (
        "{path} sudah ada dan bukan folder",
        "sebutkan folder baru dengan --out",
        "{path} exists and is not a folder",
        "name a new folder with --out",
    ),
    "export.out_exists": (
        "folder {path} sudah ada dan tidak kosong; tidak ditimpa",
        "sebutkan folder baru dengan --out, atau pindahkan bag yang lama",
        "folder {path} exists and is not empty; it is not overwritten",
        "name a new folder with --out, or move the old bag away",
    ),
    "export.out_no_parent": (
        "folder induk {path} tidak ada",
        "buat dulu foldernya, atau sebutkan tempat lain dengan --out",
        "the parent folder {path} does not exist",
        "create it first, or name another place with --out",
    ),
    "export.out_in_archive": (
        "bag {path} tidak boleh dibuat di dalam arsip {root}",
        "sebutkan tempat di luar arsip dengan --out: bag memuat salinan kasus, yang akan terbaca sebagai kasus kedua",
        "the bag {path} may not be made inside the archive {root}",
        "name a place outside the archive with --out: "
        "the bag holds a copy of the case, which would read as a second case",
    ),
    "export.pdf_failed": (
        "berkas pembinaan kasus {id} gagal dibuat: {error}; tidak ada yang diekspor",
        "coba sop-kit pdf --case {id} --internal DIR untuk melihat masalahnya",
        "the dossier of case {id} could not be rendered: {error}; nothing was exported",
        "try sop-kit pdf --case {id} --internal DIR to see the problem",
    ),
    "export.done": (
        "bag BagIt kasus {case} dibuat di {path}: {files} berkas, {bytes} byte, manifes {algorithms}",
        "",
        "BagIt bag of case {case} written to {path}: {files} files, {bytes} bytes, {algorithms} manifests",
        "",
    ),
    "export.personal": (
        "bag ini memuat data pribadi (berkas pembinaan internal, kasus.yaml): kirim hanya ke arsip daerah",
        "",
        "this bag holds personal data (the internal dossier, kasus.yaml): send it only to the regional archive",
        "",
    ),
    "bag.not_a_bag": (
        "{path} bukan bag BagIt (tidak ada bagit.txt)",
        "sebutkan folder bag, misalnya KASUS.bag yang dibuat sop-kit export KASUS --bagit",
        "{path} is not a BagIt bag (no bagit.txt)",
        "name a bag folder, e.g. the CASE.bag made by sop-kit export CASE --bagit",
    ),
    "bag.header": ("bag {path} (kasus {case})", "", "bag {path} (case {case})", ""),
    "bag.symlink": (
        "tautan simbolik di dalam bag; bag tidak diperiksa lebih lanjut",
        "",
        "symbolic link inside the bag; the bag is not checked further",
        "",
    ),
    "bag.not_regular": (
        "berkas khusus (bukan berkas biasa) di dalam bag; bag tidak diperiksa lebih lanjut",
        "",
        "special file (not a regular file) inside the bag; the bag is not checked further",
        "",
    ),
    "bag.unsafe_path": (
        "manifes menyebut jalur di luar folder bag ('{path}'); bag tidak diperiksa lebih lanjut",
        "",
        "the manifest names a path outside the bag folder ('{path}'); the bag was not checked further",
        "",
    ),
    "bag.unreadable": ("bag tidak dapat dibaca: {error}", "", "the bag cannot be read: {error}", ""),
    "bag.invalid": ("bag tidak sah: {error}", "", "the bag is not valid: {error}", ""),
    "bag.missing": (
        "tercantum di manifes tetapi tidak ada di bag",
        "",
        "listed in the manifest but missing from the bag",
        "",
    ),
    "bag.unexpected": (
        "ada di bag tetapi tidak tercantum di manifes",
        "",
        "present in the bag but not listed in the manifest",
        "",
    ),
    "bag.changed": (
        "isi berkas berubah: checksum {algorithms} tidak cocok dengan manifes",
        "",
        "file content changed: {algorithms} checksum does not match the manifest",
        "",
    ),
    "bag.no_identifier": (
        "bag-info tidak memuat External-Identifier (id kasus)",
        "",
        "bag-info has no External-Identifier (the case id)",
        "",
    ),
    "bag.no_records": (
        "tidak ada arsip mini (sop/ dan staf.yaml) di dalam bag",
        "",
        "no miniature archive (sop/ and staf.yaml) inside the bag",
        "",
    ),
    "bag.case_mismatch": (
        "bag seharusnya memuat tepat satu kasus, {id}; ditemukan: {found}",
        "",
        "the bag should hold exactly one case, {id}; found: {found}",
        "",
    ),
    "bag.no_dossier": ("berkas pembinaan (PDF) tidak ada", "", "the dossier (PDF) is missing", ""),
    "bag.no_trail": (
        "bag-info menyatakan jejak persetujuan disertakan, tetapi berkasnya tidak ada atau rusak",
        "",
        "bag-info says the approval trail is included, but its file is missing or broken",
        "",
    ),
    "bag.no_findings": (
        "catatan temuan saat ekspor tidak ada atau rusak",
        "",
        "the record of findings at export time is missing or broken",
        "",
    ),
    "bag.check_error": (
        "galat baru menurut pemeriksaan sop-kit [{rule}]: {message}",
        "",
        "new error by sop-kit's check [{rule}]: {message}",
        "",
    ),
    "bag.known_error": (
        "catatan: galat yang sudah tercatat saat ekspor (--force) [{rule}]: {message}",
        "",
        "note: error already recorded at export (--force) [{rule}]: {message}",
        "",
    ),
    "bag.key_unreadable": (
        "--kunci '{value}' bukan sidik SHA256:… dan bukan berkas yang memuat kunci publik SSH",
        "beri sidik kunci kantor (SHA256:…) atau berkas .pub / allowed_signers yang Anda terima dari kantor",
        "--kunci '{value}' is neither a SHA256:… fingerprint nor a file holding SSH public keys",
        "give the office key's fingerprint (SHA256:…) or the .pub / allowed_signers file you got from the office",
    ),
    "bag.unsigned": (
        "bag tidak bertanda tangan, padahal --kunci diberikan: pengirimnya tidak dapat dibuktikan",
        "",
        "the bag is not signed although --kunci was given: its sender cannot be proven",
        "",
    ),
    "bag.signature_bad": (
        "tanda tangan tidak cocok dengan manifes tag: bag diubah dan manifesnya ditulis ulang setelah ditandatangani",
        "",
        "the signature does not match the tag manifest: the bag was changed and its manifests rewritten after signing",
        "",
    ),
    "bag.signature_unsupported": (
        "tanda tangan memakai jenis kunci atau format yang tidak dapat diperiksa sop-kit",
        "",
        "the signature uses a key type or format sop-kit cannot check",
        "",
    ),
    "bag.signer_mismatch": (
        "ditandatangani dengan kunci {fingerprint}, bukan kunci yang disebut bag-info (Ditandatangani-Oleh)",
        "",
        "signed with key {fingerprint}, not the key bag-info names (Ditandatangani-Oleh)",
        "",
    ),
    "bag.signer_not_trusted": (
        "ditandatangani {who}, dengan kunci yang tidak ada di antara --kunci yang Anda percayai",
        "",
        "signed by {who}, with a key that is not among the --kunci you trust",
        "",
    ),
    "bag.signed_unanchored": (
        "catatan: ditandatangani {who} (menurut bag itu sendiri); bandingkan sidiknya dengan kunci kantor yang Anda "
        "terima di luar bag, lalu periksa lagi dengan --kunci",
        "",
        "note: signed by {who} (by the bag's own account); compare the fingerprint with the office key you got "
        "outside the bag, then verify again with --kunci",
        "",
    ),
    "bag.valid_signed": (
        "SAH: bag utuh ({files} berkas data, checksum {algorithms} cocok), ditandatangani {who} dengan kunci yang Anda "
        "percayai, dan kasusnya lolos pemeriksaan sop-kit",
        "isi bag adalah yang dikirim penanda tangan itu; jejak di dalamnya tetap laporannya, bukan commit bertanda "
        "tangan: tanda tangan persetujuan dibuktikan di repositori git kantor (sop-kit trail)",
        "VALID: the bag is complete ({files} payload files, {algorithms} checksums match), signed by {who} with a key "
        "you trust, and its case passes sop-kit's check",
        "the bag is what that signer sent; the trail in it is still their report, not signed commits: approval "
        "signatures are proven in the office's git repository (sop-kit trail)",
    ),
    "bag.proof_missing": (
        "langkah {no}: bukti persetujuannya (commit {commit} dan pohon foldernya) tidak lengkap atau tidak cocok "
        "dengan id-nya",
        "objek git di data/jejak/bukti harus persis yang disebut jejak: minta kantor mengekspor ulang bag",
        "step {no}: the proof of its approval (commit {commit} and its folder trees) is incomplete or does not "
        "match its id",
        "the git objects in data/jejak/bukti must be exactly those the trail names: ask the office to export the "
        "bag again",
    ),
    "bag.proof_bad_signature": (
        "langkah {no}: commit {commit} di bag tidak bertanda tangan sah, padahal jejak menyebutnya terverifikasi",
        "bag ini telah diubah sesudah dibuat: jangan terima; minta kantor mengirim ulang",
        "step {no}: commit {commit} in the bag has no good signature, though the trail calls it verified",
        "the bag was changed after it was made: do not accept it; ask the office to send it again",
    ),
    "bag.proof_changed": (
        "langkah {no}: '{path}' di bag bukan berkas yang disetujui commit bertanda tangan {commit}",
        "isi catatan atau dokumen diganti sesudah persetujuan: jangan terima bag ini; minta kantor mengirim ulang",
        "step {no}: '{path}' in the bag is not the file the signed commit {commit} approved",
        "a record or document was replaced after approval: do not accept this bag; ask the office to send it again",
    ),
    "bag.proof_changed_recorded": (
        "catatan: langkah {no}: '{path}' berubah sesudah disetujui di commit {commit}, seperti tercatat di jejak",
        "",
        "note: step {no}: '{path}' changed after its approval in commit {commit}, as the trail records",
        "",
    ),
    "bag.proof_unknown_key": (
        "catatan: langkah {no}: commit {commit} ditandatangani kunci {fingerprint}, yang tidak tercantum untuk {who} "
        "di staf.yaml bag; persetujuan ini tidak terbukti di sini",
        "",
        "note: step {no}: commit {commit} is signed with key {fingerprint}, which the bag's staf.yaml does not list "
        "for {who}; this approval is not proven here",
        "",
    ),
    "bag.proof_no_role": (
        "catatan: langkah {no}: commit {commit} ditandatangani {who} pada {date}, yang menurut staf.yaml bag tidak "
        "memegang peran langkah ini hari itu; persetujuan ini tidak terbukti di sini (riwayat staf.yaml ada di "
        "repositori git kantor: sop-kit trail)",
        "",
        "note: step {no}: commit {commit} was signed by {who} on {date}, who by the bag's staf.yaml did not hold "
        "this step's role that day; this approval is not proven here (staf.yaml's history is in the office's git "
        "repository: sop-kit trail)",
        "",
    ),
    "bag.proof_other_person": (
        "catatan: langkah {no}: commit {commit} ditandatangani {who}, bukan pelaksana yang dicatat langkah itu; "
        "persetujuan ini tidak terbukti di sini",
        "",
        "note: step {no}: commit {commit} was signed by {who}, not the person the step records as doing it; this "
        "approval is not proven here",
        "",
    ),
    "bag.proof_unreadable": (
        "catatan: langkah {no}: tanda tangan commit {commit} tidak dapat diperiksa di sini; periksa di repositori "
        "kantor (sop-kit trail)",
        "",
        "note: step {no}: the signature of commit {commit} cannot be checked here; check it in the office's "
        "repository (sop-kit trail)",
        "",
    ),
    "bag.proof_removed": (
        "bag-info menyebut bukti persetujuan ({claimed}), tetapi foldernya tidak ada",
        "bukti itu dikeluarkan sesudah bag dibuat: jangan terima; minta kantor mengirim ulang",
        "bag-info names the proof of the approvals ({claimed}), but its folder is not there",
        "the proof was taken out after the bag was made: do not accept it; ask the office to send it again",
    ),
    "bag.proof_absent": (
        "catatan: jejak menyebut {count} persetujuan terverifikasi, tetapi bag tidak membawa commit bertanda "
        "tangannya (bag dari sop-kit sebelum bukti disertakan); persetujuan itu dibuktikan di repositori kantor",
        "",
        "note: the trail names {count} verified approvals, but the bag carries none of their signed commits (a bag "
        "from a sop-kit before the proof was included); those approvals are proven in the office's repository",
        "",
    ),
    "bag.proof_none": (
        "catatan: langkah {no} selesai menurut catatannya, tetapi jejak bag tidak menyebut persetujuan "
        "terverifikasinya; tidak terbukti di sini",
        "",
        "note: step {no} is done by its record, but the bag's trail names no verified approval of it; not proven here",
        "",
    ),
    "bag.limit_proven": (
        "checksum membuktikan isi bag tidak berubah sejak manifesnya dibuat, bukan siapa yang membuat atau "
        "menyetujuinya; {proven} dari {done} catatan langkah yang selesai terbukti disetujui oleh "
        "commit bertanda tangan di dalam bag (kunci dan peran pada tanggal commit menurut staf.yaml bag, catatan "
        "dan dokumen persis yang disetujui); staf.yaml sebagaimana berlaku hari itu dibuktikan di repositori git "
        "kantor (sop-kit trail)",
        "",
        "checksums prove the bag unchanged since its manifests were made, not who made or approved it; {proven} "
        "of the {done} step records done are proven approved by the "
        "signed commits in the bag (keys, and roles on the commit's date, as the bag's staf.yaml gives them; "
        "records and documents exactly those approved); staf.yaml as it stood that day is proven in the office's "
        "git repository (sop-kit trail)",
        "",
    ),
    "bag.valid_not_compliant": (
        "SAH sebagai bag: utuh ({files} berkas data, checksum {algorithms} cocok); kasusnya TIDAK SESUAI SOP: "
        "{errors} galat tercatat saat ekspor (lihat di atas)",
        "checksum membuktikan isi bag tidak berubah sejak manifesnya dibuat, bukan siapa yang membuat atau "
        "menyetujuinya: tanda tangan persetujuan dibuktikan di repositori git kantor (sop-kit trail)",
        "VALID as a bag: complete ({files} payload files, {algorithms} checksums match); its case is NOT AS THE SOP "
        "REQUIRES: {errors} error(s) recorded at export (see above)",
        "checksums prove the bag unchanged since its manifests were made, not who made or approved it: "
        "approval signatures are proven in the office's git repository (sop-kit trail)",
    ),
    "bag.valid_signed_not_compliant": (
        "SAH sebagai bag: utuh ({files} berkas data, checksum {algorithms} cocok), ditandatangani {who} dengan kunci "
        "yang Anda percayai; kasusnya TIDAK SESUAI SOP: {errors} galat tercatat saat ekspor (lihat di atas)",
        "isi bag adalah yang dikirim penanda tangan itu; jejak di dalamnya tetap laporannya, bukan commit bertanda "
        "tangan: tanda tangan persetujuan dibuktikan di repositori git kantor (sop-kit trail)",
        "VALID as a bag: complete ({files} payload files, {algorithms} checksums match), signed by {who} with a key "
        "you trust; its case is NOT AS THE SOP REQUIRES: {errors} error(s) recorded at export (see above)",
        "the bag's content is what that signer sent; the trail inside remains their report, not signed commits: "
        "approval signatures are proven in the office's git repository (sop-kit trail)",
    ),
    "bag.recorded_error": (
        "catatan: galat yang tercatat saat ekspor (--force), tidak dapat diperiksa ulang dari bag [{rule}]: {message}",
        "",
        "note: error recorded at export (--force), not checkable again from the bag [{rule}]: {message}",
        "",
    ),
    "bag.valid_no_trail": (
        "SAH sebagai bag: utuh ({files} berkas data, checksum {algorithms} cocok); kasusnya lolos pemeriksaan sop-kit "
        "TANPA jejak persetujuan (lihat di bawah)",
        "checksum membuktikan isi bag tidak berubah sejak manifesnya dibuat, bukan siapa yang membuat atau "
        "menyetujuinya: tanda tangan persetujuan dibuktikan di repositori git kantor (sop-kit trail)",
        "VALID as a bag: complete ({files} payload files, {algorithms} checksums match); its case passes sop-kit's "
        "check WITHOUT the approval trail (see below)",
        "checksums prove the bag unchanged since its manifests were made, not who made or approved it: "
        "approval signatures are proven in the office's git repository (sop-kit trail)",
    ),
    "bag.valid_signed_no_trail": (
        "SAH sebagai bag: utuh ({files} berkas data, checksum {algorithms} cocok), ditandatangani {who} dengan kunci "
        "yang Anda percayai; kasusnya lolos pemeriksaan sop-kit TANPA jejak persetujuan (lihat di bawah)",
        "isi bag adalah yang dikirim penanda tangan itu: tanda tangan persetujuan dibuktikan di repositori git kantor "
        "(sop-kit trail)",
        "VALID as a bag: complete ({files} payload files, {algorithms} checksums match), signed by {who} with a key "
        "you trust; its case passes sop-kit's check WITHOUT the approval trail (see below)",
        "the bag's content is what that signer sent: approval signatures are proven in the office's git repository "
        "(sop-kit trail)",
    ),
    "bag.trail_not_included": (
        "bag-info mencatat Jejak-Persetujuan: {said}. Tidak ada persetujuan yang diverifikasi, dan staf.yaml serta SOP "
        "di bag adalah salinan kerja kantor saat ekspor, bukan versi yang disahkan commit bertanda tangan; minta "
        "kantor mengekspor ulang dari repositori git-nya, tanpa --no-trail",
        "",
        "bag-info records Jejak-Persetujuan: {said}. No approval is verified, and the bag's staf.yaml and SOPs are "
        "the office's working copy at export, not the versions authorised by signed commits; ask the office to "
        "export again from its git repository, without --no-trail",
        "",
    ),
    "bag.valid": (
        "SAH: bag utuh ({files} berkas data, checksum {algorithms} cocok) dan kasusnya lolos pemeriksaan sop-kit",
        "checksum membuktikan isi bag tidak berubah sejak manifesnya dibuat, bukan siapa yang membuat atau "
        "menyetujuinya: tanda tangan persetujuan dibuktikan di repositori git kantor (sop-kit trail)",
        "VALID: the bag is complete ({files} payload files, {algorithms} checksums match) "
        "and its case passes sop-kit's check",
        "checksums prove the bag unchanged since its manifests were made, not who made or approved it: "
        "approval signatures are proven in the office's git repository (sop-kit trail)",
    ),
    "bag.invalid_verdict": (
        "TIDAK SAH: {problems} masalah (lihat di atas)",
        "",
        "NOT VALID: {problems} problem(s) (see above)",
        "",
    ),
}
