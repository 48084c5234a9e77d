package tally

import (
	"errors"
	"testing"
)

// A channel that names what the file was not, or both an online and an
// offline channel, was read as the first channel it contains: "Không trực
// tuyến" as trực tuyến, counted in II.06a column (4). It is now
// ErrUnknownValue; the plain spellings read as before.
func TestChannelNegatedOrTwo(t *testing.T) {
	for in, want := range map[string]Channel{
		"Trực tuyến": Online, "Nộp trực tuyến": Online, "online": Online, "Cổng dịch vụ công": Online,
		"Trực tuyến qua hệ thống một cửa điện tử": Online,
		"Trực tiếp": Direct, "Tại Bộ phận Một cửa": Direct,
		"Bưu chính công ích": Postal, "Qua dịch vụ bưu chính công ích": Postal, "BCCI": Postal,
		"Trực tiếp hoặc qua bưu chính": Postal, // both column (5)
		"":                             ChannelUnknown,
	} {
		var c Channel
		if err := c.UnmarshalText([]byte(in)); err != nil || c != want {
			t.Errorf("%q: %v, %v; want %v", in, c, err, want)
		}
	}
	for _, in := range []string{
		"Không trực tuyến", "không qua bưu chính", "Chưa trực tuyến", "not online", "non-online",
		"Trực tuyến; trực tiếp", "Nộp trực tiếp hoặc trực tuyến", "online/direct", "Trực tuyến, bưu chính",
	} {
		var c Channel
		if err := c.UnmarshalText([]byte(in)); !errors.Is(err, ErrUnknownValue) {
			t.Errorf("%q: %v, %v; want ErrUnknownValue", in, c, err)
		}
	}
}

// The same for the kind of online service (DVCTT toàn trình or một phần).
func TestServiceNegatedOrTwo(t *testing.T) {
	for in, want := range map[string]Service{"Toàn trình": Full, "DVCTT một phần": Partial, "Mức độ 4": Full, "": ServiceUnknown} {
		var s Service
		if err := s.UnmarshalText([]byte(in)); err != nil || s != want {
			t.Errorf("%q: %v, %v; want %v", in, s, err, want)
		}
	}
	for _, in := range []string{"Không toàn trình", "chưa toàn trình", "Toàn trình hoặc một phần", "mức độ 3, mức độ 4"} {
		var s Service
		if err := s.UnmarshalText([]byte(in)); !errors.Is(err, ErrUnknownValue) {
			t.Errorf("%q: %v, %v; want ErrUnknownValue", in, s, err)
		}
	}
}
