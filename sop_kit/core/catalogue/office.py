"""Messages of the office's own identity, letter numbers, agenda, reports and retention."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    # --- the office profile (kantor: in sop-kit.yaml)
    "office.missing": (
        "profil kantor (kantor:) belum diisi: surat, SK, dosir dan situs hanya memuat nama dinas dari SOP, tanpa "
        "alamat dan lambang",
        "isi kantor: di sop-kit.yaml (pemerintah, dinas, alamat, kota, telepon, email, laman, lambang, "
        "penandatangan) lewat commit bertanda tangan admin_arsip; lihat README, bagian Profil kantor",
        "the office profile (kantor:) is not filled in: letters, SKs, dossiers and the site carry only the office "
        "name from the SOP, with no address or emblem",
        "fill in kantor: in sop-kit.yaml (pemerintah, dinas, alamat, kota, telepon, email, laman, lambang, "
        "penandatangan) in a commit signed by an admin_arsip; see the README, Office profile",
    ),
    "office.placeholder": (
        "profil kantor: {field} masih berisi teks contoh, bukan data kantor",
        "ganti dengan data kantor yang sebenarnya sebelum mencetak surat",
        "office profile: {field} still holds example text, not the office's data",
        "replace it with the office's real data before printing any letter",
    ),
    "office.no_emblem": (
        "profil kantor tidak menyebut lambang daerah: kop surat tanpa lambang",
        "taruh berkas PNG/JPEG lambang di samping sop-kit.yaml dan isi kantor.lambang (berkas, sha256)",
        "the office profile names no regional emblem: letterheads go without one",
        "put the emblem as a PNG/JPEG beside sop-kit.yaml and fill in kantor.lambang (berkas, sha256)",
    ),
    "office.emblem": (
        "lambang {path} tidak dicetak: {why}",
        "kembalikan berkas lambang yang sah (git checkout -- BERKAS), atau ubah kantor.lambang lewat commit "
        "bertanda tangan admin_arsip",
        "emblem {path} is not printed: {why}",
        "restore the authorised emblem file (git checkout -- FILE), or change kantor.lambang in a commit signed by "
        "an admin_arsip",
    ),
    "office.emblem_outside": (
        "letaknya di luar folder sop-kit.yaml",
        "",
        "it lies outside the folder of sop-kit.yaml",
        "",
    ),
    "office.emblem_link": ("berkasnya tautan simbolis", "", "the file is a symbolic link", ""),
    "office.emblem_missing": ("berkasnya tidak ada", "", "the file does not exist", ""),
    "office.emblem_too_large": ("berkasnya terlalu besar", "", "the file is too large", ""),
    "office.emblem_not_image": ("bukan gambar PNG atau JPEG", "", "not a PNG or JPEG picture", ""),
    "office.emblem_changed": (
        "isinya bukan yang dipatok sha256 profil kantor (diganti tanpa perubahan profil yang sah)",
        "",
        "its content is not the one the profile's sha256 pins (replaced without an authorised change of the profile)",
        "",
    ),
    "office.no_signatory": (
        "profil kantor tidak menyebut penandatangan {role}: surat memakai pejabat dari daftar staf",
        "isi kantor.penandatangan.{role} (jabatan, dan staf bila perlu)",
        "the office profile names no {role} signatory: letters take the official from the staff registry",
        "fill in kantor.penandatangan.{role} (jabatan, and staf if needed)",
    ),
    "office.fictional": (
        "Data kantor fiktif — arsip demo",
        "",
        "Fictional office data — demo archive",
        "",
    ),
}
