package billing

// Model says how a [Price] applies the rates of its bands to a spend. The
// zero value is [Graduated].
type Model uint8

const (
	// Graduated applies each band's rate to the part of the spend inside
	// the band and adds up the parts, the way the Enhanced and Premium fees
	// are defined (10% of the first 10,000, 7% of the next 70,000, ...).
	// The fee never decreases as the spend grows.
	Graduated Model = iota
	// Volume applies the rate of the band the spend falls in to the whole
	// spend, as Stripe's "volume" tiers and Lago's volume charge model do:
	// with 10% up to 10,000 and 7% above, a spend of 20,000 costs 1,400.
	// The fee may decrease when the spend crosses into a cheaper band.
	Volume
)

var modelNames = [...]string{
	Graduated: "graduated",
	Volume:    "volume",
}

// ParseModel parses "graduated" or "volume", the names written by
// [Model.String].
func ParseModel(s string) (Model, error) {
	return parseName[Model]("model", modelNames[:], s)
}

// String returns "graduated" or "volume".
func (m Model) String() string { return nameOf("Model", modelNames[:], m) }

// MarshalText implements [encoding.TextMarshaler] with [Model.String].
func (m Model) MarshalText() ([]byte, error) { return marshalName("model", modelNames[:], m) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseModel].
func (m *Model) UnmarshalText(text []byte) error {
	return unmarshalName("model", modelNames[:], m, text)
}

// inBand returns the part of spend (≥ 0) that the band b, whose lower limit
// is prev, prices under model m: in [Graduated] the part of the spend above
// prev and within b, in [Volume] the whole spend when it falls in b and
// nothing otherwise.
func (m Model) inBand(spend, prev int64, b *Band) int64 {
	switch {
	case spend <= prev:
		return 0
	case !b.Unbounded && spend > b.UpTo.Minor():
		if m == Volume {
			return 0
		}
		return b.UpTo.Minor() - prev
	case m == Volume:
		return spend
	}
	return spend - prev
}
