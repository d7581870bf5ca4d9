package rules

import (
	"errors"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/money"
)

// priceKeys and bandKeys are the keys of a tier's price and of its bands.
var (
	priceKeys = []string{"currency", "model", "minimum", "maximum", "bands", "proration"}
	bandKeys  = []string{"upTo", "rate", "flat"}
)

// parsePrice reads a tier's price. Each value is parsed where it is
// written; the price as a whole is then checked by billing's own
// validation, whose band errors name the band and field to point at.
func (d *decoder) parsePrice(f field) *billing.Price {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with currency, minimum and bands")
		return nil
	}
	return d.priceFields(f, d.Mapping(f.Value, f.Path, priceKeys))
}

// priceFields reads the fields of a price written at f: a tier's price, or
// one version of its prices with an effective key beside them.
func (d *decoder) priceFields(f field, fields []field) *billing.Price {
	if !d.Require(f.KeyNode, f.Path, fields, "currency", "bands") {
		return nil
	}
	p := &billing.Price{}
	for _, c := range fields {
		if c.Key != "currency" {
			continue
		}
		cur, good := d.Str(c)
		if !good {
			return nil
		}
		if _, known := money.CurrencyDigits(cur); !known {
			d.Fail(c.Value, c.Path, money.ErrMalformedMoney, "unknown currency %q", cur)
			return nil
		}
		p.Currency = cur
	}
	p.Minimum, _ = money.NewMoney(0, p.Currency)
	ok := true
	var bands []bandAt // where each band is written, for positions
	for _, c := range fields {
		var good bool
		switch c.Key {
		case "model":
			p.Model, good = parsed(d, c, billing.ParseModel)
		case "minimum":
			p.Minimum, good = d.amount(c, p.Currency)
		case "maximum":
			p.Maximum, good = d.amount(c, p.Currency)
		case "proration":
			p.Proration, good = parsed(d, c, billing.ParseProration)
		case "bands":
			bands, good = d.parseBands(c, p)
		default:
			good = true
		}
		ok = ok && good
	}
	if !ok {
		return nil
	}
	if err := p.Validate(); err != nil {
		d.priceError(f, bands, err)
		return nil
	}
	va := versionAt{at: d.At(f.KeyNode, f.Path)}
	for _, b := range bands {
		va.bands = append(va.bands, d.At(b.item.Node, b.item.Path))
	}
	d.versions = append(d.versions, va)
	return p
}

// versionAt is where a price version and each of its bands are written.
type versionAt struct {
	at    pos
	bands []pos
}

// amount reads an amount of money in currency cur.
func (d *decoder) amount(f field, cur string) (money.Money, bool) {
	return parsed(d, f, func(s string) (money.Money, error) { return money.ParseAmount(s, cur) })
}

// bandAt is where one band of a price is written: the list item and its
// fields.
type bandAt struct {
	item   yamlpos.Item
	fields []field
}

// parseBands reads a price's bands into p and returns where each is written.
func (d *decoder) parseBands(c field, p *billing.Price) ([]bandAt, bool) {
	items := d.List(c)
	if len(items) == 0 {
		d.Fail(yamlpos.OrNode(c.Value, c.KeyNode), c.Path, nil, "at least one band is required")
		return nil, false
	}
	ok := true
	out := make([]bandAt, len(items))
	for i, it := range items {
		bf := d.Mapping(it.Node, it.Path, bandKeys)
		out[i] = bandAt{item: it, fields: bf}
		if it.Node.Kind != yaml.MappingNode || !d.Require(it.Node, it.Path, bf, "rate") {
			ok = false
			continue
		}
		b := billing.Band{Unbounded: true}
		for _, x := range bf {
			var good bool
			switch x.Key {
			case "upTo":
				b.UpTo, good = d.amount(x, p.Currency)
				b.Unbounded = false
			case "rate":
				b.Rate, good = parsed(d, x, money.ParseRate)
			case "flat":
				b.Flat, good = d.amount(x, p.Currency)
			}
			ok = ok && good
		}
		p.Bands = append(p.Bands, b)
	}
	return out, ok
}

// priceError reports a price that fails billing's validation at the
// value it is about: a band's field, a band, or the price's own key.
func (d *decoder) priceError(f field, bands []bandAt, err error) {
	var be *billing.BandError
	if errors.As(err, &be) && be.Index < len(bands) {
		b := &bands[be.Index]
		for _, x := range b.fields {
			if x.Key == be.Field {
				d.Fail(x.Value, x.Path, err, "%s", be.Message)
				return
			}
		}
		d.Fail(b.item.Node, b.item.Path, err, "%s", be.Message)
		return
	}
	d.Fail(f.Value, f.Path, err, "%v", err)
}
