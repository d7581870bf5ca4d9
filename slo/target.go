package slo

import (
	"errors"

	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tiercel/tiercel/fault"
)

// ErrTarget is wrapped by every error that reports an invalid target.
var ErrTarget = fault.New(fault.BadRequest, "invalid target")

// MaxWithin is the longest response time ParseTarget and ParseDuration
// accept: 87600h, ten years of round-the-clock open time (about 43 years of
// 40-hour weeks). No support contract promises a response anywhere near it,
// so a larger value is a typing mistake, not a commitment. The limit keeps
// targets far from the range of time.Duration (about 292 years) and bounds
// the cost of a deadline: on a calendar open one minute a week in a zone
// with clock changes, where MaxWithin spans 100,000 years of them,
// Calendar.Add takes about 0.13s (BenchmarkAddFarFuture). Calendar.Add
// itself accepts any Duration.
const MaxWithin = 87600 * time.Hour

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
// syntax, must be positive, at most MaxWithin and a whole number of
// nanoseconds ("1.5ns" is refused, not truncated); the calendar name is one word of letters,
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
// "1h30m"): time.ParseDuration syntax, positive, at most MaxWithin and a
// whole number of nanoseconds. Errors wrap ErrTarget.
func ParseDuration(s string) (time.Duration, error) {
	d, err := parseWithin(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrTarget, err)
	}
	return d, nil
}

func parseWithin(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	wellFormed, finer := scanDuration(s)
	switch {
	case err != nil && wellFormed && strings.HasPrefix(s, "-"):
		return 0, errors.New("duration must be positive")
	case err != nil && wellFormed:
		// time.ParseDuration refuses well-formed text only when it overflows.
		return 0, fmt.Errorf("response time %s exceeds the maximum %s", s, FormatDuration(MaxWithin))
	case err != nil:
		return 0, fmt.Errorf("bad duration %q (use h, m, s units, e.g. 1h30m)", s)
	case finer:
		return 0, fmt.Errorf("duration %q is finer than a nanosecond", s)
	case d <= 0:
		return 0, errors.New("duration must be positive")
	case d > MaxWithin:
		return 0, fmt.Errorf("response time %s exceeds the maximum %s", s, FormatDuration(MaxWithin))
	}
	return d, nil
}

// durationUnits are the units time.ParseDuration reads, in nanoseconds.
var durationUnits = map[string]uint64{
	"ns": 1, "us": 1e3, "\u00b5s": 1e3, "\u03bcs": 1e3, "ms": 1e6,
	"s": 1e9, "m": 60e9, "h": 3600e9,
}

// scanDuration reports whether s has the syntax time.ParseDuration reads
// (an optional sign, then "0" or numbers with units such as "1h30m" or
// "1.5s"), and whether any of its numbers has a fraction finer than a
// nanosecond, which time.ParseDuration silently drops ("1.5ns", "0.1us").
func scanDuration(s string) (wellFormed, finer bool) {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "0" {
		return true, false
	}
	if s == "" {
		return false, false
	}
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	for s != "" {
		i := 0
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		digits, frac := i, ""
		if i < len(s) && s[i] == '.' {
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			frac, digits, i = s[i+1:j], digits+j-i-1, j
		}
		j := i
		for j < len(s) && s[j] != '.' && !isDigit(s[j]) {
			j++
		}
		unit, ok := durationUnits[s[i:j]]
		if digits == 0 || !ok {
			return false, false
		}
		finer = finer || !wholeNanoseconds(strings.TrimRight(frac, "0"), unit)
		s = s[j:]
	}
	return true, finer
}

// wholeNanoseconds reports whether the fraction 0.frac (decimal digits, no
// trailing zero) of unit nanoseconds is a whole number of nanoseconds.
func wholeNanoseconds(frac string, unit uint64) bool {
	if frac == "" {
		return true
	}
	// A unit has at most 13 factors 2 and 11 factors 5 (3600e9 = 2^13 3^2
	// 5^11), so 10^k divides frac*unit only for k <= 13.
	if len(frac) > 13 {
		return false
	}
	f, _ := strconv.ParseUint(frac, 10, 64)
	pow := uint64(1)
	for range len(frac) {
		pow *= 10
	}
	a, b := pow, unit // gcd(pow, unit)
	for b != 0 {
		a, b = b, a%b
	}
	return f%(pow/a) == 0
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

// FormatSigned formats a difference of instants, such as how much later a
// deadline falls: FormatDuration with an explicit sign, "+64h", "-1h30m",
// and zero as "0".
func FormatSigned(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
	case d > 0:
		return "+" + FormatDuration(d)
	}
	return FormatDuration(d)
}
