namespace CallCenter.Actors;
