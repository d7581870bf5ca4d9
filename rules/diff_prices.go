package rules

import (
	"github.com/tiercel/tiercel/billing"
)

// PriceDiff is one price version of a tier that differs between two
// catalogs, by its place in the tier's versions (ascending by effective
// date; a single price is one version in force since always). Fields are
// the version's fields that differ: effective, currency, minimum, maximum,
// model, proration and each band's upTo, rate and flat. Fees, for a changed
// version in one currency, is the exact fee difference as a function of
// the spend. Paid says which contracts pay the version under the new
// catalog's billing.priceVersion (the old one's for a removed version).
type PriceDiff struct {
	Version   int                    `json:"version"` // 1-based
	Effective string                 `json:"effective"`
	Status    string                 `json:"status"`
	Fields    []FieldChange          `json:"fields,omitempty"`
	Fees      *billing.FeeDifference `json:"fees,omitempty"`
	FeesError string                 `json:"feesError,omitempty"`
	Paid      string                 `json:"paid"`
}

// prices compares the price versions of two versions of a tier, place by
// place.
func (d *differ) prices(a, b *tier) []PriceDiff {
	var out []PriceDiff
	for i := range max(len(a.prices), len(b.prices)) {
		pd := PriceDiff{Version: i + 1, Status: StatusChanged}
		switch {
		case i >= len(a.prices):
			pd.Status = StatusAdded
			pd.Effective, pd.Paid = effectiveText(&b.prices[i]), paidBy(d.new.versionPolicy, b.prices, i)
		case i >= len(b.prices):
			pd.Status = StatusRemoved
			pd.Effective, pd.Paid = effectiveText(&a.prices[i]), paidBy(d.old.versionPolicy, a.prices, i)
		default:
			pd.Fields = diffForms("", priceForm(&a.prices[i]), priceForm(&b.prices[i]))
			if len(pd.Fields) == 0 {
				continue
			}
			pd.Effective, pd.Paid = effectiveText(&b.prices[i]), paidBy(d.new.versionPolicy, b.prices, i)
			if fd, err := billing.DiffFees(a.prices[i].Price, b.prices[i].Price); err != nil {
				pd.FeesError = err.Error()
			} else {
				pd.Fees = &fd
			}
		}
		out = append(out, pd)
	}
	return out
}

// paidBy says which contracts pay the version i of book under policy.
func paidBy(policy billing.VersionPolicy, book billing.PriceBook, i int) string {
	from, until := "", ""
	if !book[i].Effective.IsZero() {
		from = " from " + billing.FormatEffective(book[i].Effective)
	}
	if i+1 < len(book) {
		until = " before " + billing.FormatEffective(book[i+1].Effective)
	}
	if from == "" && until == "" {
		return "every contract, always"
	}
	if policy == billing.VersionAtBilled {
		return "every contract, for the months billed" + from + until
	}
	return "contracts that start or renew" + from + until + ", until their next renewal (billing.priceVersion: contract)"
}
