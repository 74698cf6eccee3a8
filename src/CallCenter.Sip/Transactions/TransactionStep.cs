using System.Collections.Immutable;

namespace CallCenter.Sip.Transactions;

/// <summary>The result of feeding one input to a transaction: its next state and what the runtime must do, in order.</summary>
public sealed record TransactionStep(SipTransaction Next, ImmutableArray<TransactionAction> Actions);
