package slo

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrTarget is wrapped by every error that reports an invalid target.
var ErrTarget = errors.New("invalid target")

// Target is a response-time objective: Within of open time on the calendar
// named Calendar (for example "24x7" or "business").
//
// The zero value has no duration and no calendar; ParseTarget never returns
// it.
type Target struct {
	Within   time.Duration // open time allowed; positive
	Calendar string        // calendar name, resolved by the caller
}

// ParseTarget parses "<duration> <calendar>", for example "1h 24x7",
// "15m business" or "1h30m looker-24x5". The duration uses time.ParseDuration
// syntax and must be positive; the calendar name is one word of letters,
// digits, '-', '_' or '.'. Errors wrap ErrTarget.
func ParseTarget(s string) (Target, error) {
	fields := strings.Fields(s)
	switch len(fields) {
	case 0:
		return Target{}, fmt.Errorf("%w %q: empty, want \"<duration> <calendar>\" such as \"1h 24x7\"", ErrTarget, s)
	case 1:
		return Target{}, fmt.Errorf("%w %q: missing calendar, want \"<duration> <calendar>\" such as \"1h 24x7\"", ErrTarget, s)
	case 2:
	default:
		return Target{}, fmt.Errorf("%w %q: too many words, want \"<duration> <calendar>\" such as \"1h 24x7\"", ErrTarget, s)
	}
	d, err := parseWithin(fields[0])
	if err != nil {
		return Target{}, fmt.Errorf("%w %q: %v", ErrTarget, s, err)
	}
	if err := checkName(fields[1]); err != nil {
		return Target{}, fmt.Errorf("%w %q: calendar %v", ErrTarget, s, err)
	}
	return Target{Within: d, Calendar: fields[1]}, nil
}

// ParseDuration parses a target's response time alone ("4h", "15m",
// "1h30m"): time.ParseDuration syntax, positive. Errors wrap ErrTarget.
func ParseDuration(s string) (time.Duration, error) {
	d, err := parseWithin(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrTarget, err)
	}
	return d, nil
}

func parseWithin(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("bad duration %q (use h, m, s units, e.g. 1h30m)", s)
	}
	if d <= 0 {
		return 0, errors.New("duration must be positive")
	}
	return d, nil
}

// checkName reports whether name is a usable calendar name.
func checkName(name string) error {
	if name == "" {
		return errors.New("name is empty")
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return fmt.Errorf("name %q has invalid character %q (allowed: letters, digits, '-', '_', '.')", name, rune(c))
		}
	}
	return nil
}

// String formats the target as ParseTarget reads it, for example "1h 24x7"
// or "1h30m business"; a target without a calendar formats as its duration
// alone.
func (t Target) String() string {
	if t.Calendar == "" {
		return FormatDuration(t.Within)
	}
	return FormatDuration(t.Within) + " " + t.Calendar
}

// MarshalText encodes the target as its String form.
func (t Target) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText decodes text with ParseTarget.
func (t *Target) UnmarshalText(text []byte) error {
	v, err := ParseTarget(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// FormatDuration formats d compactly without zero units: "1h", "15m",
// "1h30m", "2000h", "90s" becomes "1m30s", and zero is "0s". Durations with a
// fraction of a second fall back to time.Duration.String. The result is
// always accepted by time.ParseDuration and round-trips exactly.
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	if d%time.Second != 0 || d == -1<<63 {
		return d.String()
	}
	var buf [32]byte
	b := buf[:0]
	if d < 0 {
		b = append(b, '-')
		d = -d
	}
	h := int64(d / time.Hour)
	m := int64(d % time.Hour / time.Minute)
	s := int64(d % time.Minute / time.Second)
	if h != 0 {
		b = strconv.AppendInt(b, h, 10)
		b = append(b, 'h')
	}
	if m != 0 {
		b = strconv.AppendInt(b, m, 10)
		b = append(b, 'm')
	}
	if s != 0 {
		b = strconv.AppendInt(b, s, 10)
		b = append(b, 's')
	}
	return string(b)
}
