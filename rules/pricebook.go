package rules

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/money"
)

// versionKeys are the keys of one of a tier's prices: when it takes effect
// and the keys of a price. billingKeys are the keys of the billing section.
var (
	versionKeys = slices.Concat([]string{"effective"}, priceKeys)
	billingKeys = []string{"priceVersion"}
)

// billingDef is a billing section as written.
type billingDef struct {
	at           pos // the priceVersion key, for a clash between files
	priceVersion billing.VersionPolicy
}

// parseBilling reads the billing section: which price version a contract
// pays (priceVersion: contract, the default, or billed).
func (d *decoder) parseBilling(f field, cf *catalogFile) {
	for _, c := range d.Mapping(f.Value, f.Path, billingKeys) {
		if c.Key != "priceVersion" {
			continue
		}
		if p, ok := parsed(d, c, billing.ParseVersionPolicy); ok {
			cf.billing = append(cf.billing, billingDef{at: d.At(c.KeyNode, c.Path), priceVersion: p})
		}
	}
}

// compileBilling returns the catalog's price version policy: the one
// billing sets, in one file at most.
func (c *compiler) compileBilling(defs []billingDef) billing.VersionPolicy {
	if len(defs) == 0 {
		return billing.VersionAtContract
	}
	for _, b := range defs[1:] {
		c.add(b.at.Errorf(nil, "billing.priceVersion is already set at %s", defs[0].at.Short()))
	}
	return defs[0].priceVersion
}

// parsePrices reads a tier's prices: a list of versions, each a price with
// the instant it takes effect, strictly ascending.
func (d *decoder) parsePrices(c field) billing.PriceBook {
	items := d.List(c)
	if len(items) == 0 {
		d.Fail(yamlpos.OrNode(c.Value, c.KeyNode), c.Path, nil, "at least one price version is required")
		return nil
	}
	ok := true
	book := make(billing.PriceBook, 0, len(items))
	fields := make([][]field, 0, len(items))
	for _, it := range items {
		at := field{Value: it.Node, Path: it.Path, KeyNode: it.Node}
		if it.Node.Kind != yaml.MappingNode {
			d.Fail(it.Node, it.Path, nil, "must be a mapping with effective, currency and bands")
			ok = false
			continue
		}
		vf := d.Mapping(it.Node, it.Path, versionKeys)
		good := d.Require(it.Node, it.Path, vf, "effective")
		var v billing.PriceVersion
		for _, x := range vf {
			if x.Key == "effective" {
				var e bool
				v.Effective, e = parsed(d, x, billing.ParseEffective)
				good = good && e
			}
		}
		p := d.priceFields(at, vf)
		if !good || p == nil {
			ok = false
			continue
		}
		v.Price = *p
		book = append(book, v)
		fields = append(fields, vf)
	}
	if !ok {
		return nil
	}
	if err := book.Validate(); err != nil {
		d.versionError(c, book, fields, err)
		return nil
	}
	return book
}

// versionError reports a price book whose versions are out of order or in
// different currencies at the version's effective or currency value.
func (d *decoder) versionError(c field, book billing.PriceBook, fields [][]field, err error) {
	var ve *billing.VersionError
	if !errors.As(err, &ve) || ve.Index >= len(fields) {
		d.Fail(c.Value, c.Path, err, "%v", err)
		return
	}
	key := "effective"
	if book[ve.Index].Price.Currency != book[0].Price.Currency {
		key = "currency"
	}
	for _, x := range fields[ve.Index] {
		if x.Key == key {
			d.Fail(x.Value, x.Path, err, "%s", versionMessage(ve, book))
			return
		}
	}
	d.Fail(c.Value, c.Path, err, "%v", err)
}

// versionMessage says what is wrong with the version ve is about, in the
// words of the catalog.
func versionMessage(ve *billing.VersionError, book billing.PriceBook) string {
	v, prev := book[ve.Index], book[max(ve.Index-1, 0)]
	if v.Price.Currency != book[0].Price.Currency {
		return fmt.Sprintf("currency %s differs from the first version's %s: every version of a tier's price is in one currency",
			v.Price.Currency, book[0].Price.Currency)
	}
	return fmt.Sprintf("effective %s is not after the previous version's %s: versions must be strictly ascending",
		billing.FormatEffective(v.Effective), billing.FormatEffective(prev.Effective))
}

// PriceVersion returns the catalog's price version policy (billing.priceVersion):
// billing.VersionAtContract unless the catalog says billed.
func (e *Engine) PriceVersion() billing.VersionPolicy { return e.versionPolicy }

// PriceAt returns the price the contract c pays for the tier idOrAlias at
// the billed instant at, under the catalog's price version policy: the
// version in force at the contract's start until its renewal and the one
// in force at the renewal after it (billing.priceVersion: contract, the
// default), or the version in force at at (billed). A tier with a single
// price has it at every instant.
//
// Errors: ErrUnknownTier; ErrNoPrice for a tier the catalog does not price
// or an instant before the tier's first price version (a zero at or
// c.Start is the instant 0001-01-01T00:00:00Z, before every version but
// one effective always, so a contract whose Start is left unset gets
// ErrNoPrice from a price book with dated versions).
// PriceAt is safe for concurrent use.
func (e *Engine) PriceAt(idOrAlias string, c entitlement.Contract, at time.Time) (billing.Price, error) {
	t, err := e.pricedTier(idOrAlias)
	if err != nil {
		return billing.Price{}, err
	}
	i, err := e.versionOf(t, &c, at, time.Time{})
	if err != nil {
		return billing.Price{}, err
	}
	if e.cov != nil {
		e.cov.priced(t, i, money.Money{}, false)
	}
	p := t.prices[i].Price
	p.Bands = slices.Clone(p.Bands)
	return p, nil
}

// versionOf returns the index of the version of t's prices that the
// contract c pays at the billed instant at. While the price is held (at before heldUntil) the contract pays
// the version of its start, whatever the policy.
func (e *Engine) versionOf(t *tier, c *entitlement.Contract, at, heldUntil time.Time) (int, error) {
	anchor := e.versionPolicy.Anchor(c.Start, c.Renewal, at)
	if at.Before(heldUntil) {
		anchor = c.Start
	}
	i := t.prices.Index(anchor)
	if i < 0 {
		return 0, fmt.Errorf("%w: tier %q has no price in force at %s (its first price is effective %s)",
			ErrNoPrice, t.id, billing.FormatInstant(anchor), billing.FormatEffective(t.prices[0].Effective))
	}
	return i, nil
}
