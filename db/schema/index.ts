export * from "./auth";
export * from "./customer";
export * from "./reference";
export * from "./relations";
export * from "./sms";
