export * from "./auth";
export * from "./batch";
export * from "./customer";
export * from "./reference";
export * from "./relations";
export * from "./sms";
export * from "./jobs";
