package answer

// Decision is the envelope in which the decision service returns an
// answer: an id for the decision (to find it in the decision log), the
// revision of the catalog that decided (a hash of its sources, so that a
// billing system can prove which price book priced an invoice), and the
// answer itself, one of the package's types, written by the same
// convention as the command's --output json.
type Decision struct {
	DecisionID string `json:"decisionId"`
	Revision   string `json:"revision"`
	Result     any    `json:"result"`
}
