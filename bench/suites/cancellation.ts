/**
 * Cancellation: an ask streaming at 100 tokens/s is cancelled after its third delta; the figure runs from the
 * moment `$/cancelRequest` is handed to the connection to the moment the backend (in this process, same clock) sees
 * its socket closed.
 */
import { CancellationTokenSource } from "vscode-languageserver-protocol/node";
import type { Figure } from "../lib/figures";
import { figure } from "../lib/figures";
import { wordTokens } from "../lib/pacedStream";
import type { RemoteRig } from "../lib/remoteRig";
import type { SuiteContext, SuiteResult } from "../lib/suite";
import { within } from "../../test/support/scriptedBackend";

const GROUP = "Cancellation";

export async function runCancellation(rig: RemoteRig, context: SuiteContext): Promise<SuiteResult> {
  const repetitions = context.quick ? 5 : 15;
  rig.setPlan({ tokens: wordTokens(3000), ratePerSecond: 100 });
  const toClose: number[] = [];
  const toResult: number[] = [];
  for (let rep = 0; rep < repetitions + 2; rep++) {
    context.log(`cancellation: run ${rep + 1} of ${repetitions + 2} (2 warm-up)`);
    const source = new CancellationTokenSource();
    const index = rig.backend.chatRequests().length;
    let third: () => void = () => undefined;
    const thirdDelta = new Promise<void>((resolve) => (third = resolve));
    const pending = rig.session.ask({ question: "A long answer, please." }, source.token, (count) => {
      if (count === 3) third();
    });
    await within(thirdDelta, 10_000, "the third delta");
    const request = rig.backend.chatRequests()[index];
    if (!request) throw new Error("the backend did not see the ask");
    const cancelledAt = performance.now();
    source.cancel();
    const closedAt = await within(request.closed, 5_000, "the backend seeing its connection closed");
    const ask = await within(pending, 5_000, "the cancelled result");
    if (ask.result.finishReason !== "cancelled") throw new Error(`a cancelled ask ended with "${ask.result.finishReason}"`);
    if (rep >= 2) {
      toClose.push(closedAt - cancelledAt);
      toResult.push(ask.doneAt - cancelledAt);
    }
  }
  const figures: Figure[] = [
    figure({ id: "cancel.toBackendClose", group: GROUP, label: "$/cancelRequest → backend sees connection closed", unit: "ms", target: { op: "<=", value: 50 } }, toClose),
    figure({ id: "cancel.toResult", group: GROUP, label: "  $/cancelRequest → cancelled result at the client", unit: "ms" }, toResult),
  ];
  return { figures };
}
