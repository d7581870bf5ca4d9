package rules

import "github.com/tiercel/tiercel/internal/yamlpos"

// decoder reads a catalog document: the positioned YAML decoder, with the
// catalog's readers as methods. Its errors wrap ErrInvalidCatalog.
type decoder struct{ *yamlpos.Decoder }

// Short names for the positioned YAML values the catalog reads.
type (
	field = yamlpos.Field
	item  = yamlpos.Item
	pos   = yamlpos.Pos
)

func newDecoder(file string, src []byte) *decoder {
	return &decoder{yamlpos.NewDecoder(file, src, ErrInvalidCatalog)}
}

// parsed reads a non-empty scalar with parse and reports parse's error at
// the value's position.
func parsed[T any](d *decoder, f field, parse func(string) (T, error)) (T, bool) {
	return yamlpos.Parsed(d.Decoder, f, parse)
}
