package input

// wordTable holds the strings a reader reads often (keys, names), to
// return them without an allocation: a fixed table hashed on a word's
// length and three of its bytes, cheaper than a map lookup for the short
// ASCII words of an export. The zero value is empty; a wordTable is not
// changed once built, and may then be shared between goroutines.
type wordTable struct {
	slots [wordSlots][]string
}

// wordSlots is the size of a wordTable, a power of two.
const wordSlots = 1 << 10

// newWordTable returns the table of every word of lists.
func newWordTable(lists ...[]string) *wordTable {
	t := &wordTable{}
	for _, list := range lists {
		for _, w := range list {
			if _, ok := t.find([]byte(w)); !ok {
				h := wordHash([]byte(w))
				t.slots[h] = append(t.slots[h], w)
			}
		}
	}
	return t
}

// wordHash is the slot of b.
func wordHash(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	return (len(b)*131 + int(b[0])*31 + int(b[len(b)-1])*7 + int(b[len(b)/2])) & (wordSlots - 1)
}

// find returns the word b, when the table holds it. A nil table holds none.
func (t *wordTable) find(b []byte) (string, bool) {
	if t == nil {
		return "", false
	}
	for _, w := range t.slots[wordHash(b)] {
		if w == string(b) {
			return w, true
		}
	}
	return "", false
}
