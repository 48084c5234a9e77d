package bieu

import (
	"fmt"
	"slices"
	"strings"

	"github.com/baocaodinhky/vpcp/internal/vntext"
)

// UnitLevel is the administrative level of a reporting unit: the province
// (a Sở, ban, ngành or the UBND tỉnh itself), the district (UBND huyện,
// quận, thị xã, thành phố thuộc tỉnh) or the commune (UBND xã, phường, thị
// trấn) — the levels of Luật Tổ chức chính quyền địa phương 2015, Điều 2,
// by which Biểu II.06b groups its rows and Biểu II.07b its columns. From
// 1/7/2025 there is no district level.
type UnitLevel uint8

// The levels, in the order the forms print them. LevelUnknown is the zero
// value: a roll-up refuses a unit whose level it cannot tell.
const (
	LevelUnknown UnitLevel = iota
	ProvinceLevel
	DistrictLevel
	CommuneLevel
)

// String returns the level row's title as II.08 prints it: "CẤP TỈNH",
// "CẤP HUYỆN", "CẤP XÃ"; "" for LevelUnknown.
func (l UnitLevel) String() string { return l.names().title }

// Code returns the Roman numeral printed in column (1) of the level row:
// "I", "II", "III"; "" for LevelUnknown.
func (l UnitLevel) Code() string { return l.names().code }

// levelName is a level's title (String), Roman numeral (Code) and name in
// JSON (MarshalText).
type levelName struct{ title, code, text string }

var levelNames = [...]levelName{
	ProvinceLevel: {LevelProvince, "I", "province"},
	DistrictLevel: {LevelDistrict, "II", "district"},
	CommuneLevel:  {LevelCommune, "III", "commune"},
}

// names is l's levelName, empty for LevelUnknown and any other value.
func (l UnitLevel) names() levelName {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return levelName{}
}

// GuessLevel tells the level of a unit from its name, the default of
// RollupOptions.Level. It is INFERRED from how units name themselves, not
// from a legal text: "UBND xã/phường/thị trấn …" (or the bare "Xã …") is
// the commune; "UBND huyện/quận/thị xã/thành phố …" the district; "Sở …",
// "Ban …", "Văn phòng …", "Thanh tra tỉnh", "Công an tỉnh", "UBND tỉnh …"
// the province. Case, spacing, Unicode form, "Ủy ban nhân dân" written out
// and the old spelling "Uỷ" are all accepted. Anything else is
// LevelUnknown: pass your own RollupOptions.Level for such names (a
// "thành phố trực thuộc trung ương" is a province, for instance). A name
// says nothing of the period: GuessLevelAt knows that no huyện reports for
// a period that starts on or after 1/7/2025.
func GuessLevel(unit string) UnitLevel { return guessLevelKey(vntext.Key(unit)) }

// guessLevelKey is GuessLevel of a name already turned into its vntext.Key.
func guessLevelKey(k string) UnitLevel {
	if strings.Contains(k, "uỷ") {
		k = strings.ReplaceAll(k, "uỷ", "ủy")
	}
	for _, p := range []string{"ủy ban nhân dân ", "ubnd "} {
		if rest, ok := strings.CutPrefix(k, p); ok {
			k = rest
			break
		}
	}
	has := func(prefixes ...string) bool {
		return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(k, p) })
	}
	switch {
	case has("thị xã ", "huyện ", "quận ", "thành phố "):
		return DistrictLevel
	case has("xã ", "phường ", "thị trấn ", "đặc khu "):
		return CommuneLevel
	case has("sở ", "ban ", "văn phòng ", "thanh tra tỉnh", "công an tỉnh", "tỉnh ", "trung tâm phục vụ hành chính công tỉnh"):
		return ProvinceLevel
	}
	return LevelUnknown
}

// FieldKey is the key lĩnh vực labels are matched by when forms of many
// units are combined: NFC, spaces folded, lower case, and an optional
// leading "Lĩnh vực" dropped, so "Lĩnh vực  Hộ tịch", "hộ tịch" and the
// same text typed in NFD are one lĩnh vực.
func FieldKey(label string) string {
	k := vntext.Key(label)
	if rest, ok := strings.CutPrefix(k, "lĩnh vực"); ok {
		rest = strings.TrimLeft(rest, " :")
		if rest != "" {
			return rest
		}
	}
	return k
}

// MarshalText writes "province", "district", "commune", or "" for
// LevelUnknown.
func (l UnitLevel) MarshalText() ([]byte, error) { return []byte(l.names().text), nil }

// UnmarshalText reads what MarshalText writes, or the level row titles
// "cấp tỉnh", "cấp huyện", "cấp xã" in any case and Unicode form.
func (l *UnitLevel) UnmarshalText(b []byte) error {
	switch k := vntext.Key(string(b)); k {
	case "province", vntext.Key(LevelProvince):
		*l = ProvinceLevel
	case "district", vntext.Key(LevelDistrict):
		*l = DistrictLevel
	case "commune", vntext.Key(LevelCommune):
		*l = CommuneLevel
	case "":
		*l = LevelUnknown
	default:
		return fmt.Errorf("bieu: %w: %q", ErrUnknownLevel, b)
	}
	return nil
}
