package suite

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// readValue reads the value of key v in src with read and returns it with
// the text of the errors reported, "" for none.
func readValue[T any](t *testing.T, src string, read func(*parser, field) (T, bool)) (T, bool, string) {
	t.Helper()
	d := yamlpos.NewDecoder("v.yaml", []byte(src), ErrInvalidSuite)
	root := d.Document()
	require.NotNil(t, root)
	fields := d.Mapping(root, "", []string{"v"})
	require.Len(t, fields, 1)
	v, ok := read(&parser{d: d}, fields[0])
	msg := ""
	if err := d.Errors().Err(); err != nil {
		msg = err.Error()
		assert.ErrorIs(t, err, ErrInvalidSuite)
	}
	if !ok {
		assert.NotEmpty(t, msg, "a reader that fails reports why")
	}
	return v, ok, msg
}

func TestInstantReaders(t *testing.T) {
	tests := []struct {
		name, src string
		read      func(*parser, field) (time.Time, bool)
		want      time.Time
		err       string
	}{
		{"rfc 3339", "v: 2026-03-02T10:00:00-05:00", (*parser).at, time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC), ""},
		{"a date is midnight in utc", "v: 2026-03-02", (*parser).at, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), ""},
		{"not a time", "v: tomorrow", (*parser).at, time.Time{},
			`v.yaml:1:4: v: invalid time "tomorrow": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`},
		{"none only where allowed", "v: none", (*parser).at, time.Time{},
			`v.yaml:1:4: v: invalid time "none": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, msg := readValue(t, tt.src, tt.read)
			assert.True(t, tt.want.Equal(got), "got %v", got)
			assert.Equal(t, tt.err, msg)
		})
	}
	optional := []struct {
		name, src string
		want      maybeAt
		err       string
	}{
		{"none is not given", "v: none", maybeAt{}, ""},
		{"the year 1 is an instant, not none", "v: 0001-01-01T00:00:00Z", maybeAt{time.Time{}, true}, ""},
		{"an instant", "v: 2026-03-02", maybeAt{time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), true}, ""},
		{"empty", "v: ''", maybeAt{set: true}, `v.yaml:1:4: v: must not be empty`},
	}
	for _, tt := range optional {
		t.Run(tt.name, func(t *testing.T) {
			got, _, msg := readValue(t, tt.src, (*parser).atOrNone)
			assert.Equal(t, tt.want.set, got.set)
			assert.True(t, tt.want.t.Equal(got.t), "got %v", got.t)
			assert.Equal(t, tt.err, msg)
		})
	}
}

func TestZone(t *testing.T) {
	zone := func(p *parser, f field) (string, bool) {
		name, loc, ok := p.zone(f)
		if ok {
			assert.Equal(t, name, loc.String())
		}
		return name, ok
	}
	tests := []struct {
		name, src, want, err string
	}{
		{"an iana zone", "v: Europe/Berlin", "Europe/Berlin", ""},
		{"empty is refused as every empty value: no zone is no key", `v: ""`, "", `v.yaml:1:4: v: must not be empty`},
		{"unknown", "v: Mars/Base", "", `v.yaml:1:4: v: unknown time zone "Mars/Base"`},
		{"the machine's zone is refused", "v: Local", "", `v.yaml:1:4: v: unknown time zone "Local"`},
		{"a nul byte", `v: "UTC\0"`, "", `v.yaml:1:4: v: unknown time zone "UTC\x00"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, msg := readValue(t, tt.src, zone)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.err, msg)
			assert.Equal(t, tt.err == "", ok)
		})
	}
}

func TestScalarReaders(t *testing.T) {
	t.Run("integer", func(t *testing.T) {
		n, _, msg := readValue(t, "v: 14", (*parser).integer)
		assert.Equal(t, 14, n)
		assert.Empty(t, msg)
		_, _, msg = readValue(t, "v: 14.5", (*parser).integer)
		assert.Equal(t, `v.yaml:1:4: v: must be an integer, got "14.5"`, msg)
		for _, other := range []string{"+14", "014", "1_4", "0x0e"} {
			_, ok, msg := readValue(t, "v: "+other, (*parser).integer)
			assert.False(t, ok, other)
			assert.Equal(t, `v.yaml:1:4: v: must be an integer, got "`+other+`"`, msg, "one spelling of a number")
		}
	})
	t.Run("strings", func(t *testing.T) {
		s, _, msg := readValue(t, "v: [a, b]", (*parser).strs)
		assert.Equal(t, []string{"a", "b"}, s)
		assert.Empty(t, msg)
		s, _, _ = readValue(t, "v: []", (*parser).strs)
		assert.Equal(t, []string{}, s, "an empty list is not nil")
		_, _, msg = readValue(t, "v: [a, '']", (*parser).strs)
		assert.Equal(t, `v.yaml:1:8: v[1]: must not be empty`, msg)
	})
	t.Run("attrs", func(t *testing.T) {
		m, _, msg := readValue(t, "v: {vip: true}", (*parser).attrs)
		assert.Equal(t, map[string]any{"vip": true}, m)
		assert.Empty(t, msg)
		_, _, msg = readValue(t, "v: [vip]", (*parser).attrs)
		assert.Equal(t, `v.yaml:1:4: v: must be a mapping, got a list`, msg)
	})
	t.Run("text and str", func(t *testing.T) {
		s, _, msg := readValue(t, "v: ''", (*parser).str)
		assert.Equal(t, "", s)
		assert.Empty(t, msg, "str allows empty text")
		_, _, msg = readValue(t, "v: ''", (*parser).text)
		assert.Equal(t, `v.yaml:1:4: v: must not be empty`, msg)
	})
}
