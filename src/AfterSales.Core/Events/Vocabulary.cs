namespace AfterSales.Core.Events;

public enum TicketChannel { Phone, Email, Web, WalkIn }

public enum TicketCategory { Repair, Installation, Complaint, Return, Inquiry }

public enum TicketStatus { Open, WaitingForCustomer, OnHold, InProgress }

public enum DeliveryKind { Product, Installation }
