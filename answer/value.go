package answer

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

// ErrUnprintable reports an instant outside years 0001-9999, which RFC 3339
// cannot write. Its class is fault.Limit: the answer lies beyond what can
// be written.
var ErrUnprintable = fault.New(fault.Limit, "instant outside years 0001-9999")

// Duration is an exact length of time: whole Seconds and, when the length
// is not a whole number of seconds, Nanos (0 to ±999,999,999, with the sign
// of Seconds, as protobuf's google.protobuf.Duration), and Text, the
// readable form ("4h", "-1h30m", "+64h" for a signed difference).
//
// Seconds, not nanoseconds: every duration a Go time.Duration holds is at
// most 9,223,372,036 seconds, well inside the integers a JavaScript number
// holds exactly (2^53), so any JSON reader reads it exactly; and every
// target, calendar and price boundary of tiercel is a whole number of
// seconds, so Nanos appears only for inputs that carry fractions of one.
//
// The zero value is a zero length whose Text is empty; make Durations with
// [NewDuration] or [NewSigned].
type Duration struct {
	Seconds int64  `json:"seconds"`
	Nanos   int32  `json:"nanos,omitempty"`
	Text    string `json:"text"`
}

// NewDuration returns d as a Duration whose Text is [slo.FormatDuration]'s
// ("4h", "0s", "-1h" when negative).
func NewDuration(d time.Duration) Duration {
	return Duration{Seconds: int64(d / time.Second), Nanos: int32(d % time.Second), Text: slo.FormatDuration(d)}
}

// NewSigned returns a difference d as a Duration whose Text is
// [slo.FormatSigned]'s: "+64h" later, "-45m" earlier, "0" the same.
func NewSigned(d time.Duration) Duration {
	v := NewDuration(d)
	v.Text = slo.FormatSigned(d)
	return v
}

// Std returns the duration as a time.Duration. It fails when Seconds and
// Nanos disagree in sign, Nanos is a second or more, or the length does not
// fit in a time.Duration.
func (d Duration) Std() (time.Duration, error) {
	if d.Nanos <= -1e9 || d.Nanos >= 1e9 || (d.Seconds > 0 && d.Nanos < 0) || (d.Seconds < 0 && d.Nanos > 0) {
		return 0, fmt.Errorf("duration %d s %d ns: nanos must be below a second and share the sign of seconds", d.Seconds, d.Nanos)
	}
	const most = int64(1<<63-1) / int64(time.Second)
	if d.Seconds > most || d.Seconds < -most {
		return 0, fmt.Errorf("duration of %d s does not fit in a time.Duration", d.Seconds)
	}
	s := time.Duration(d.Seconds) * time.Second
	sum := s + time.Duration(d.Nanos)
	if (d.Nanos > 0 && sum < s) || (d.Nanos < 0 && sum > s) {
		return 0, fmt.Errorf("duration %d s %d ns does not fit in a time.Duration", d.Seconds, d.Nanos)
	}
	return sum, nil
}

// Instant is an instant written as RFC 3339 with nanoseconds when it has
// them, in the offset of the zone the answer was computed in
// ("2026-03-06T17:00:00+09:00"): the Time keeps its location, so build
// Instants from times already in that zone. Optional instants are
// *Instant, null when absent; a present instant is never null, year 1
// included. The zero value is 0001-01-01T00:00:00Z.
type Instant struct{ time.Time }

// At returns t as an Instant.
func At(t time.Time) Instant { return Instant{t} }

// AtIf returns t as an *Instant when given, else nil: for an optional
// instant whose presence the answer says apart from its value (an ended
// cycle's End, an eligible contract's EffectiveAt), so that
// 0001-01-01T00:00:00Z is written as an instant, not null.
func AtIf(t time.Time, given bool) *Instant {
	if !given {
		return nil
	}
	return &Instant{t}
}

// AtOrNull returns t as an *Instant, or nil when t is the zero time, which
// an answer uses for "none" only where no instant can be zero (a cycle's
// Due without a target: with one it is after the cycle's start).
func AtOrNull(t time.Time) *Instant {
	if t.IsZero() {
		return nil
	}
	return &Instant{t}
}

// MarshalJSON writes the instant as an RFC 3339 string. It fails with
// [ErrUnprintable] for an instant outside years 0001-9999, in its own
// offset or in UTC.
func (t Instant) MarshalJSON() ([]byte, error) {
	if err := Printable(t.Time); err != nil {
		return nil, err
	}
	// RFC 3339 text is digits, letters and "-:.+": nothing JSON escapes.
	b := make([]byte, 0, len(time.RFC3339Nano)+2)
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), nil
}

// UnmarshalJSON reads an RFC 3339 string, keeping its offset.
func (t *Instant) UnmarshalJSON(b []byte) error { return t.Time.UnmarshalJSON(b) }

// Printable returns nil when t can be written as RFC 3339 (years
// 0001-9999 in its own offset and in UTC), or else an error wrapping
// [ErrUnprintable] that quotes t.
func Printable(t time.Time) error {
	if y := t.Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%w: %s", ErrUnprintable, t.Format(time.RFC3339Nano))
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%w: %s is %s in UTC", ErrUnprintable, t.Format(time.RFC3339Nano), t.UTC().Format(time.RFC3339Nano))
	}
	return nil
}

// Target is a response target: the open time allowed, the calendar that
// counts it, and the text of both ("4h business").
type Target struct {
	Within   Duration `json:"within"`
	Calendar string   `json:"calendar"`
	Text     string   `json:"text"`
}

// NewTarget returns t as a Target, or nil when t is the zero target (no
// target: a priority a tier does not cover).
func NewTarget(t slo.Target) *Target {
	if t == (slo.Target{}) {
		return nil
	}
	return &Target{Within: NewDuration(t.Within), Calendar: t.Calendar, Text: t.String()}
}
