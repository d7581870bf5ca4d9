package input

import (
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/money"
)

// ContractKeys are the keys of a contract, in a contract file and in a
// suite's questions alike; DiscountKeys and CommitmentKeys those of its
// discounts and commitments.
var (
	ContractKeys   = []string{"account", "tier", "start", "renewal", "spend", "zone", "country", "fee", "movesTo", "discounts", "commitments", "attrs"}
	DiscountKeys   = []string{"name", "rate", "amount", "from", "until"}
	CommitmentKeys = []string{"name", "amount", "from", "until"}
)

// LoadContract reads a contract file: a YAML (or JSON) mapping of
// ContractKeys, tier required:
//
//	account: acme
//	tier: looker-premier
//	zone: Europe/Berlin        # the account's zone: dates are days there
//	country: de                # the account's holiday country, for calendars closed on its holidays
//	start: 2025-07-15          # instants as ParseTime reads them, in zone
//	renewal: 2026-07-15
//	spend: "85000 USD"         # the monthly spend, for eligibility and quotes
//	fee: "5000 USD"            # the contract's own fee, for invoices
//	movesTo: enhanced          # the tier it moves to when a migration takes effect
//	discounts:                 # billing months: from and until are UTC months
//	  - {name: partner, rate: 10%, from: 2026-10-01}
//	commitments:
//	  - {amount: "80000 USD", from: 2026-01-01, until: 2027-01-01}
//	attrs: {region: emea}      # facts for CEL (contract.attrs)
//
// Discounts and commitments bill whole months, which are UTC months: their
// from and until are read in UTC whatever the zone. Only regular files of
// at most 16 MiB are read. Errors wrap ErrInvalidContract: every error
// found, as an ErrorList positioned in the file, or why it could not be
// read.
func LoadContract(path string) (entitlement.Contract, error) {
	return load(path, ErrInvalidContract, ParseContract)
}

// ParseContract reads a contract file's document src (see LoadContract);
// name is used in error positions.
func ParseContract(name string, src []byte) (entitlement.Contract, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidContract)
	var c entitlement.Contract
	if root := document(d, src); root != nil {
		c, _ = DecodeContract(d, yamlpos.Field{KeyNode: root, Value: root})
	}
	if err := d.Errors().Err(); err != nil {
		return entitlement.Contract{}, err
	}
	return c, nil
}

// DecodeContract reads the contract mapping of f (see LoadContract) for
// the packages of this module that read contracts inside their own YAML
// documents.
func DecodeContract(d *yamlpos.Decoder, f yamlpos.Field) (entitlement.Contract, bool) {
	var c entitlement.Contract
	fields, ok := decodeQuestion(d, f, ContractKeys, "tier") // the other keys are read all the same
	zone, loc, zoneOK := ZoneOf(d, fields)
	if !zoneOK { // its dates would mean another day
		return c, false
	}
	c.Zone = zone
	for _, x := range fields {
		good := true
		switch x.Key {
		case "account":
			c.Account, good = d.Str(x)
		case "tier":
			c.Tier, good = d.Str(x)
		case "country":
			c.Country, good = d.Str(x)
		case "start":
			c.Start, good = DecodeTime(d, x, loc)
		case "renewal":
			var t time.Time
			t, good = DecodeTime(d, x, loc)
			c.Renewal = &t
		case "spend":
			c.Spend, good = yamlpos.Parsed(d, x, money.ParseMoney)
		case "fee":
			c.Billing.Fee, good = yamlpos.Parsed(d, x, money.ParseMoney)
		case "movesTo":
			c.Billing.MovesTo, good = d.Str(x)
		case "attrs":
			c.Attrs, good = DecodeAttrs(d, x)
		case "discounts", "commitments":
			good = decodeTerms(d, x, &c.Billing)
		}
		ok = ok && good
	}
	return c, ok
}

// decodeTerms reads the discounts or the commitments of f into b.
func decodeTerms(d *yamlpos.Decoder, f yamlpos.Field, b *billing.Billing) bool {
	ok := true
	for _, it := range d.List(f) {
		if f.Key == "discounts" {
			x, good := decodeTerm(d, it, DiscountKeys)
			b.Discounts = append(b.Discounts, billing.Discount{Name: x.name, Rate: x.rate, Amount: x.amount, From: x.from, Until: x.until})
			ok = ok && good
			continue
		}
		x, good := decodeTerm(d, it, CommitmentKeys, "amount", "from", "until")
		b.Commitments = append(b.Commitments, billing.Commitment{Name: x.name, Amount: x.amount, From: x.from, Until: x.until})
		ok = ok && good
	}
	return ok
}

// term is a discount or a commitment as written.
type term struct {
	name        string
	rate        money.Rate
	amount      money.Money
	from, until time.Time
}

// decodeTerm reads a discount or commitment entry with the given keys, of
// which required must be present; from and until are in UTC.
func decodeTerm(d *yamlpos.Decoder, it yamlpos.Item, keys []string, required ...string) (term, bool) {
	var x term
	fields := d.Mapping(it.Node, it.Path, keys)
	ok := d.Require(it.Node, it.Path, fields, required...)
	for _, g := range fields {
		good := true
		switch g.Key {
		case "name":
			x.name, good = d.Str(g)
		case "rate":
			x.rate, good = yamlpos.Parsed(d, g, money.ParseRate)
		case "amount":
			x.amount, good = yamlpos.Parsed(d, g, money.ParseMoney)
		case "from":
			x.from, good = DecodeTime(d, g, time.UTC)
		case "until":
			x.until, good = DecodeTime(d, g, time.UTC)
			if good && x.until.IsZero() { // billing's zero Until is "open-ended": 0001-01-01 is not after any from
				d.Fail(g.Value, g.Path, ErrInvalidContract, "until 0001-01-01T00:00:00Z is not after any from: leave until out for an open-ended term")
				good = false
			}
		}
		ok = ok && good
	}
	return x, ok
}
