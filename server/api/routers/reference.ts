import {
  listNeighbourhoods,
  listReferenceOptions,
  listStreets,
  namedList,
  neighbourhoodsInput,
  referenceOptionsOutput,
  streetsInput,
} from "@/server/services/reference/list-reference";
import { router, smsProcedure, toServiceContext } from "../trpc";

// Values for the batch filters: only roles that send batches need them.
export const referenceRouter = router({
  options: smsProcedure.output(referenceOptionsOutput).query(({ ctx }) => listReferenceOptions(toServiceContext(ctx))),
  neighbourhoods: smsProcedure.input(neighbourhoodsInput).output(namedList).query(({ ctx, input }) => listNeighbourhoods(toServiceContext(ctx), input)),
  streets: smsProcedure.input(streetsInput).output(namedList).query(({ ctx, input }) => listStreets(toServiceContext(ctx), input)),
});
