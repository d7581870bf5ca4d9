package billing

import (
	"fmt"
	"time"
)

// PriceVersion is one version of a tier's price: Price is in force from the
// instant Effective on, until the next version's Effective. The zero
// Effective means "since always", which is how a tier with a single price
// is written.
type PriceVersion struct {
	Effective time.Time // the instant from which Price is in force
	Price     Price     // the monthly fee from Effective on
}

// PriceBook is the versions of one tier's price, strictly ascending by
// Effective. A book with one version whose Effective is zero is a price that
// never changed. The zero PriceBook is invalid: it has no version.
type PriceBook []PriceVersion

// VersionError reports a [PriceVersion] of a [PriceBook] that fails
// [PriceBook.Validate]: Index says which version (0-based) and Err what is
// wrong with it, such as a *[BandError] of its price. It unwraps to Err,
// which wraps [ErrInvalidPrice].
type VersionError struct {
	Index int   // the version, 0-based into the PriceBook
	Err   error // what is wrong, wrapping ErrInvalidPrice
}

// Error returns the message with the version counted from 1, e.g. "price
// version 2: invalid price: band 1: rate 120% is outside 0%..100%".
func (e *VersionError) Error() string {
	return fmt.Sprintf("price version %d: %v", e.Index+1, e.Err)
}

// Unwrap returns Err.
func (e *VersionError) Unwrap() error { return e.Err }

// Validate reports whether b is well formed: at least one version, every
// price valid (see [Price.Validate]) and in the first version's currency,
// and the versions strictly ascending by Effective, of which only the first
// may be zero. Problems of one version are *[VersionError]s; every error
// wraps [ErrInvalidPrice].
func (b PriceBook) Validate() error {
	if len(b) == 0 {
		return fmt.Errorf("%w: no price version", ErrInvalidPrice)
	}
	for i := range b {
		v := &b[i]
		if err := v.Price.Validate(); err != nil {
			return &VersionError{Index: i, Err: err}
		}
		if v.Price.Currency != b[0].Price.Currency {
			return &VersionError{Index: i, Err: fmt.Errorf("%w: currency %s is not the first version's %s", ErrInvalidPrice, v.Price.Currency, b[0].Price.Currency)}
		}
		if i == 0 {
			continue
		}
		if v.Effective.IsZero() {
			return &VersionError{Index: i, Err: fmt.Errorf("%w: only the first version may have no effective instant", ErrInvalidPrice)}
		}
		if !v.Effective.After(b[i-1].Effective) {
			return &VersionError{Index: i, Err: fmt.Errorf("%w: effective %s is not after the previous version's %s",
				ErrInvalidPrice, FormatEffective(v.Effective), FormatEffective(b[i-1].Effective))}
		}
	}
	return nil
}

// Index returns the index of the version in force at t, the last whose
// Effective is not after t, or -1 when t is before the first version.
func (b PriceBook) Index(t time.Time) int {
	i := len(b) - 1
	for i >= 0 && b[i].Effective.After(t) {
		i--
	}
	return i
}

// Latest returns the newest version's price, the one that is (or will be)
// in force last; the zero Price for an empty book.
func (b PriceBook) Latest() Price {
	if len(b) == 0 {
		return Price{}
	}
	return b[len(b)-1].Price
}

// ParseEffective reads the instant a price version takes effect: an RFC
// 3339 instant ("2026-07-01T00:00:00-07:00") or a date ("2026-07-01"),
// which means midnight UTC at the start of that day.
func ParseEffective(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("effective %q is neither a date (2026-07-01, midnight UTC) nor an RFC 3339 instant (2026-07-01T00:00:00Z)", s)
	}
	return t, nil
}

// FormatEffective writes t as [ParseEffective] reads it: a date when t is
// midnight UTC, else an RFC 3339 instant; "always" for the zero instant.
func FormatEffective(t time.Time) string {
	switch {
	case t.IsZero():
		return "always"
	case t.Location() == time.UTC && t.Equal(t.Truncate(24*time.Hour)):
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// FormatInstant writes a given instant (a term's from or until, a
// contract's start) as FormatEffective does, except that
// 0001-01-01T00:00:00Z is the date 0001-01-01, not "always": a given
// instant is an instant like any other.
func FormatInstant(t time.Time) string {
	if t.IsZero() {
		return t.Format(time.DateOnly)
	}
	return FormatEffective(t)
}

// VersionPolicy says which [PriceVersion] of a tier's [PriceBook] a
// contract pays in a billed month. The zero value is [VersionAtContract].
type VersionPolicy uint8

const (
	// VersionAtContract bills the version in force at the contract's start
	// until its renewal, then the version in force at the renewal:
	// grandfathering, no price increase before renewal.
	VersionAtContract VersionPolicy = iota
	// VersionAtBilled bills the version in force at the billed instant, so
	// that a new version applies to every contract from its Effective on.
	VersionAtBilled
)

var versionPolicyNames = [...]string{
	VersionAtContract: "contract",
	VersionAtBilled:   "billed",
}

// ParseVersionPolicy parses "contract" or "billed", the names written by
// [VersionPolicy.String].
func ParseVersionPolicy(s string) (VersionPolicy, error) {
	return parseName[VersionPolicy]("price version policy", versionPolicyNames[:], s)
}

// String returns "contract" or "billed".
func (p VersionPolicy) String() string {
	return nameOf("VersionPolicy", versionPolicyNames[:], p)
}

// MarshalText implements [encoding.TextMarshaler] with [VersionPolicy.String].
func (p VersionPolicy) MarshalText() ([]byte, error) {
	return marshalName("price version policy", versionPolicyNames[:], p)
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseVersionPolicy].
func (p *VersionPolicy) UnmarshalText(text []byte) error {
	return unmarshalName("price version policy", versionPolicyNames[:], p, text)
}

// Anchor returns the instant whose price version a contract that started
// at start and renews at renewal (nil for no renewal) pays for the instant
// billed under policy p: billed itself under [VersionAtBilled]; under
// [VersionAtContract] the start before the renewal (or always, without
// one) and the renewal from then on. Every time.Time is an instant: a zero
// start is 0001-01-01T00:00:00Z, whose version is the first one.
func (p VersionPolicy) Anchor(start time.Time, renewal *time.Time, billed time.Time) time.Time {
	switch {
	case p == VersionAtBilled:
		return billed
	case renewal == nil || billed.Before(*renewal):
		return start
	}
	return *renewal
}
